package com.allocar.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What other domains call to notify someone, inside their own transaction: the message is written to the
 * outbox with that transaction, so it is sent if and only if its cause commits (a notification without its
 * cause is a bug, hence {@code MANDATORY}). {@link OutboxWorker} sends it afterwards, with retries; the commit
 * wakes the worker at once (an {@code AFTER_SUCCESS} observer), its periodic poll is the safety net.
 */
@ApplicationScoped
public class Notifications {
    static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    Event<OutboxEnqueued> enqueued;

    @Inject
    NoticeDispatcher dispatcher;

    /**
     * Queues a notification to a user on the channels that reach them (push, SMS for critical kinds, e-mail), at most
     * once per event and user (docs/notifications.md). Returns whether anything was queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean notify(Notice notice) {
        int written = dispatcher.dispatch(notice);
        if (written > 0) {
            enqueued.fire(new OutboxEnqueued(OutboxChannel.push));
        }
        return written > 0;
    }

    /**
     * Takes back the user's notifications of these events that have not gone yet (held by quiet hours, waiting for a
     * retry): they will not be sent (status failed, last_error withdrawn). What went already stays sent. For a
     * reminder of a booking cancelled meanwhile. Returns how many were withdrawn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdraw(UUID userId, java.util.Collection<String> events) {
        if (events.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery("UPDATE outbox_messages SET status = 'failed', last_error = 'withdrawn' "
                        + "WHERE user_id = ?1 AND event_key IN (?2) AND status = 'pending'")
                .setParameter(1, userId).setParameter(2, events).executeUpdate();
    }

    /** Queues a text message to a phone number in E.164 form ({@code +2250701234567}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sms(String phoneE164, String text) {
        enqueueSms(phoneE164, text, false);
    }

    /**
     * Queues a text message that carries a secret (a one-time code): its text is erased from the outbox once it is
     * sent or given up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void secretSms(String phoneE164, String text) {
        enqueueSms(phoneE164, text, true);
    }

    /** Queues a plain-text (UTF-8) mail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void email(String to, String subject, String text) {
        enqueueEmail(to, subject, text, false);
    }

    /** Queues a mail that carries a secret (a one-time code): its body is erased once it is sent or given up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void secretEmail(String to, String subject, String text) {
        enqueueEmail(to, subject, text, true);
    }

    private void enqueueSms(String phoneE164, String text, boolean sensitive) {
        if (phoneE164 == null || !E164.matcher(phoneE164).matches()) {
            throw new IllegalArgumentException("Not an E.164 phone number: " + LogMask.phone(phoneE164));
        }
        requireText(text, "text");
        enqueue(new OutboxMessage(OutboxChannel.sms, phoneE164, null, text, null, sensitive));
    }

    private void enqueueEmail(String to, String subject, String text, boolean sensitive) {
        if (to == null || !EMAIL.matcher(to).matches()) {
            throw new IllegalArgumentException("Not a mail address: " + LogMask.email(to));
        }
        requireText(subject, "subject");
        Objects.requireNonNull(text, "text");
        enqueue(new OutboxMessage(OutboxChannel.email, to, subject, text, null, sensitive));
    }

    private void enqueue(OutboxMessage message) {
        em.persist(message);
        enqueued.fire(new OutboxEnqueued(message.getChannel()));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A notification needs a " + name);
        }
    }

    /** Fired inside the enqueuing transaction; observed after its commit only. */
    public record OutboxEnqueued(OutboxChannel channel) {
    }
}
