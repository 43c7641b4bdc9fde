package com.allocar.payments;

import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Our side of the daily reconciliation (issue 13, point 3b), read in short transactions of their own, a page at a
 * time (keyset on the id, so a run resumes where it stopped): the attempts of a day that reached a provider, the
 * refunds a provider made that day, and the signed successes that named nothing of ours. The reconciliation compares
 * them with the provider's records; repairs go through {@link WebhookInbox#applyLookUp}.
 */
@ApplicationScoped
@Transactional
public class PaymentRecords {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /**
     * An attempt as we hold it, with its payment.
     *
     * @param paidAt when its payment was paid (null unless collected)
     */
    public record AttemptRecord(UUID attemptId, UUID paymentId, PaymentProvider provider, String providerRef,
                                String payToken, AttemptStatus attemptStatus, PaymentStatus paymentStatus,
                                BigDecimal amount, String currency, BigDecimal refundedAmount, Instant paidAt) {
        /** What the provider needs to look it up (an MTN attempt is known there by its own id). */
        public ProviderPaymentRef ref() {
            String reference = providerRef != null ? providerRef
                    : provider == PaymentProvider.mtn ? attemptId.toString() : null;
            return reference == null ? null
                    : new ProviderPaymentRef(attemptId, reference, Amounts.wholeFrancs(amount), currency, payToken);
        }
    }

    /**
     * The attempts of {@code [from, to)} that reached a provider, after {@code after} by id (null: from the start):
     * every succeeded attempt whose payment was paid then, and every other attempt made then (still waiting, failed,
     * superseded, in review), of {@code provider} (null: all).
     */
    public List<AttemptRecord> attempts(Instant from, Instant to, PaymentProvider provider, UUID after, int limit) {
        Query query = em.createNativeQuery("SELECT a.id, a.payment_id, a.provider, a.provider_ref, a.pay_token, "
                        + "a.status, p.status AS payment_status, p.amount, p.currency, p.refunded_amount, p.paid_at "
                        + "FROM payment_attempts a JOIN payments p ON p.id = a.payment_id "
                        + "WHERE ((a.status = 'succeeded' AND p.paid_at >= :from AND p.paid_at < :to) "
                        + "OR (a.status <> 'succeeded' AND a.created_at >= :from AND a.created_at < :to)) "
                        + "AND (a.provider_ref IS NOT NULL OR a.provider = 'mtn') "
                        + (provider == null ? "" : "AND a.provider = :provider ")
                        + (after == null ? "" : "AND a.id > :after ")
                        + "ORDER BY a.id LIMIT :limit")
                .setParameter("from", at(from)).setParameter("to", at(to)).setParameter("limit", limit);
        if (provider != null) {
            query.setParameter("provider", provider.name());
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new AttemptRecord((UUID) row[0], (UUID) row[1],
                PaymentProvider.valueOf((String) row[2]), (String) row[3], (String) row[4],
                AttemptStatus.valueOf((String) row[5]), PaymentStatus.valueOf((String) row[6]), (BigDecimal) row[7],
                (String) row[8], (BigDecimal) row[9], SqlValues.instant(row[10]))).toList();
    }

    /**
     * A refund a provider made, with the attempt that collected the payment.
     *
     * @param paymentRefunded the payment's refunded amount now (all its completed refunds)
     */
    public record RefundRecord(UUID refundId, UUID paymentId, UUID attemptId, PaymentProvider provider,
                               String providerRef, String payToken, BigDecimal amount, BigDecimal paymentAmount,
                               BigDecimal paymentRefunded, String currency, String providerRefundId) {
        public ProviderPaymentRef ref() {
            return new ProviderPaymentRef(attemptId, providerRef, Amounts.wholeFrancs(paymentAmount), currency, payToken);
        }

        /** Whether the payment has been given back in full here. */
        public boolean paymentFullyRefunded() {
            return paymentRefunded.compareTo(paymentAmount) >= 0;
        }
    }

    /**
     * The refunds completed in {@code [from, to)} by a provider (route ORIGINAL, not credited to a wallet), after
     * {@code after} by id.
     */
    public List<RefundRecord> refunds(Instant from, Instant to, PaymentProvider provider, UUID after, int limit) {
        Query query = em.createNativeQuery("SELECT r.id, r.payment_id, a.id AS attempt_id, a.provider, a.provider_ref, "
                        + "a.pay_token, r.amount, p.amount AS payment_amount, p.refunded_amount, p.currency, "
                        + "r.provider_refund_id FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                        + "JOIN payment_attempts a ON a.payment_id = p.id AND a.status = 'succeeded' "
                        + "AND a.provider_ref IS NOT NULL "
                        + "WHERE r.status = 'completed' AND r.route = 'ORIGINAL' AND r.wallet_txn_id IS NULL "
                        + "AND r.completed_at >= :from AND r.completed_at < :to "
                        + (provider == null ? "" : "AND a.provider = :provider ")
                        + (after == null ? "" : "AND r.id > :after ")
                        + "ORDER BY r.id LIMIT :limit")
                .setParameter("from", at(from)).setParameter("to", at(to)).setParameter("limit", limit);
        if (provider != null) {
            query.setParameter("provider", provider.name());
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new RefundRecord((UUID) row[0], (UUID) row[1], (UUID) row[2],
                PaymentProvider.valueOf((String) row[3]), (String) row[4], (String) row[5], (BigDecimal) row[6],
                (BigDecimal) row[7], (BigDecimal) row[8], (String) row[9], (String) row[10])).toList();
    }

    /** Whether an attempt of ours is known to {@code provider} as {@code providerRef}. */
    public boolean knownAtProvider(PaymentProvider provider, String providerRef) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM payment_attempts WHERE provider = ?1 "
                        + "AND provider_ref = ?2").setParameter(1, provider.name()).setParameter(2, providerRef)
                .getSingleResult()).longValue() > 0;
    }

    /** A signed success received in the period that named no attempt of ours (webhook outcome needs_review). */
    public record UnmatchedSuccess(UUID inboxId, PaymentProvider provider, String eventId, String eventType,
                                   Instant receivedAt) {
    }

    public List<UnmatchedSuccess> unmatchedSuccesses(Instant from, Instant to, PaymentProvider provider) {
        Query query = em.createNativeQuery("SELECT id, provider, event_id, event_type, received_at FROM webhook_events "
                        + "WHERE outcome = 'needs_review' AND payment_id IS NULL AND received_at >= :from "
                        + "AND received_at < :to " + (provider == null ? "" : "AND provider = :provider ")
                        + "ORDER BY received_at, id LIMIT 10000")
                .setParameter("from", at(from)).setParameter("to", at(to));
        if (provider != null) {
            query.setParameter("provider", provider.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new UnmatchedSuccess((UUID) row[0], PaymentProvider.valueOf((String) row[1]),
                (String) row[2], (String) row[3], SqlValues.instant(row[4]))).toList();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
