package com.allocar.payments;

import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The poller's bookkeeping ({@code payment_attempt_polls}, migration 036), each change a short transaction of its
 * own; the provider is called between them, outside any transaction. An attempt gets its row when it is made
 * ({@link #schedule}, in the transaction of {@link PaymentRepository#newAttempt}), due
 * {@code ALLOCAR_PAYMENT_POLL_AFTER_SECONDS} later. {@link #claim} takes the next due row with
 * {@code FOR UPDATE SKIP LOCKED} and pushes it a lease ahead in the same statement, so concurrent pollers (threads
 * or instances) never poll one attempt at once, and one that dies mid-call is replaced once the lease ends.
 */
@ApplicationScoped
public class AttemptPolls {
    static final String AWAITING = "('opening', 'open', 'superseded')";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "ALLOCAR_PAYMENT_POLL_AFTER_SECONDS", defaultValue = "180")
    long afterSeconds;

    /** One attempt claimed for a poll: what the provider needs to look it up, and when polling stops. */
    public record Claim(UUID attemptId, UUID paymentId, PaymentProvider provider, String providerRef, String payToken,
                        BigDecimal amount, String currency, Instant createdAt, Instant expiresAt, int polls) {
        /**
         * What the provider needs for a look-up, or null when it cannot be asked: the provider's reference, or for
         * MTN, whose reference is our attempt id, that id (an init whose answer was lost may still have reached MTN,
         * and the payer may approve it on the phone).
         */
        public ProviderPaymentRef ref() {
            String reference = providerRef != null ? providerRef
                    : provider == PaymentProvider.mtn ? attemptId.toString() : null;
            return reference == null ? null
                    : new ProviderPaymentRef(attemptId, reference, Amounts.wholeFrancs(amount), currency, payToken);
        }

        @Override
        public String toString() {
            return provider + " attempt " + attemptId + " (poll " + polls + ")";
        }
    }

    /** The new attempt is polled from {@code ALLOCAR_PAYMENT_POLL_AFTER_SECONDS} on (the caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(UUID attemptId) {
        em.createNativeQuery("INSERT INTO payment_attempt_polls (attempt_id, next_poll_at) "
                        + "VALUES (?1, now() + make_interval(secs => ?2)) ON CONFLICT (attempt_id) DO NOTHING")
                .setParameter(1, attemptId).setParameter(2, (double) afterSeconds).executeUpdate();
    }

    /** Ends the due rows of attempts settled meanwhile (a webhook came): nothing left to ask. */
    @Transactional
    public int endSettled() {
        return em.createNativeQuery("UPDATE payment_attempt_polls p SET ended_at = now(), "
                        + "last_outcome = COALESCE(p.last_outcome, 'settled') FROM payment_attempts a "
                        + "WHERE a.id = p.attempt_id AND p.ended_at IS NULL AND p.next_poll_at <= now() "
                        + "AND a.status NOT IN " + AWAITING)
                .executeUpdate();
    }

    /**
     * The next due attempt still waiting for its provider (not one an init is calling the provider for right now),
     * claimed until {@code lease} from now, its poll counted; empty when none is due.
     */
    @Transactional
    public Optional<Claim> claim(Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE payment_attempt_polls p SET polls = p.polls + 1, "
                        + "next_poll_at = now() + make_interval(secs => ?1), last_polled_at = now() "
                        + "FROM payment_attempts a JOIN payments pay ON pay.id = a.payment_id "
                        + "WHERE a.id = p.attempt_id AND p.id = (SELECT q.id FROM payment_attempt_polls q "
                        + "JOIN payment_attempts qa ON qa.id = q.attempt_id WHERE q.ended_at IS NULL "
                        + "AND q.next_poll_at <= now() AND qa.status IN " + AWAITING + " AND (qa.status <> 'opening' "
                        + "OR qa.opening_until IS NULL OR qa.opening_until <= now()) "
                        + "ORDER BY q.next_poll_at LIMIT 1 FOR UPDATE OF q SKIP LOCKED) "
                        + "RETURNING a.id, a.payment_id, a.provider, a.provider_ref, a.pay_token, pay.amount, "
                        + "pay.currency, a.created_at, a.expires_at, p.polls")
                .setParameter(1, (double) lease.toSeconds()).getResultList();
        return rows.stream().findFirst().map(row -> new Claim((UUID) row[0], (UUID) row[1],
                PaymentProvider.valueOf((String) row[2]), (String) row[3], (String) row[4], (BigDecimal) row[5],
                (String) row[6], SqlValues.instant(row[7]), SqlValues.instant(row[8]), ((Number) row[9]).intValue()));
    }

    /** Not final yet: asked again at {@code next}. */
    @Transactional
    public void reschedule(Claim claim, Instant next, String outcome) {
        em.createNativeQuery("UPDATE payment_attempt_polls SET next_poll_at = ?2, last_outcome = ?3 "
                        + "WHERE attempt_id = ?1 AND ended_at IS NULL")
                .setParameter(1, claim.attemptId()).setParameter(2, OffsetDateTime.ofInstant(next, ZoneOffset.UTC)).setParameter(3, outcome)
                .executeUpdate();
    }

    /** No more polls of this attempt (a final answer was applied, or it stayed unresolved past its expiry). */
    @Transactional
    public void end(Claim claim, String outcome) {
        em.createNativeQuery("UPDATE payment_attempt_polls SET ended_at = now(), last_outcome = ?2 "
                        + "WHERE attempt_id = ?1 AND ended_at IS NULL")
                .setParameter(1, claim.attemptId()).setParameter(2, outcome).executeUpdate();
    }
}
