package com.allocar.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Announces a committed change to every instance: {@code pg_notify} on {@link NotificationListener#CHANNEL} inside
 * the transaction that makes the change. PostgreSQL delivers a notification only when (and if) its transaction
 * commits, in commit order, so nobody hears of a row that was rolled back or reads it before it is visible, and a
 * crash between the commit and a separate "send" cannot lose it. The payload is {@code <prefix>:<ids>}, ids only.
 */
@ApplicationScoped
public class RealtimeNotifier {
    /** PostgreSQL's limit on a payload is 8000 bytes; ours are a few ids. */
    static final int MAX_PAYLOAD = 1000;

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** Queues {@code prefix:part1:part2…} for every instance's listener, sent when the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String prefix, Object... parts) {
        String payload = payload(prefix, parts);
        em.createNativeQuery("SELECT CAST(pg_notify(?1, ?2) AS text)")
                .setParameter(1, NotificationListener.CHANNEL).setParameter(2, payload)
                .getSingleResult();
    }

    static String payload(String prefix, Object... parts) {
        if (prefix.isEmpty() || prefix.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bad prefix: " + prefix);
        }
        StringBuilder payload = new StringBuilder(prefix);
        for (Object part : parts) {
            String text = String.valueOf(part);
            if (text.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a part of a payload has no colon: " + text);
            }
            payload.append(':').append(text);
        }
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload too long");
        }
        return payload.toString();
    }
}
