package com.allocar.payments;

import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The short transactions around a provider refund call ({@link RefundSender}): claim, then record the answer. */
@ApplicationScoped
@Transactional
public class RefundStore {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    PaymentRepository payments;
    @Inject
    Refunds refunds;
    @Inject
    AuditService audit;
    @Inject
    Settings settings;

    /** A refund claimed for one send: what the provider needs. */
    public record Claim(UUID refundId, PaymentMethod method, ProviderPaymentRef ref, java.math.BigDecimal amount,
                        int attempt) {
    }

    /**
     * Claims a pending provider refund for one send: one conditional UPDATE, so two senders (the after-commit one
     * and the retry job, or two instances) never send it at once; a claim lasts {@code lease}.
     */
    public Optional<Claim> claim(UUID refundId, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE payment_refunds SET attempts = attempts + 1, "
                        + "last_attempt_at = now(), version = version + 1 WHERE id = ?1 AND status = 'pending' "
                        + "AND route = 'ORIGINAL' AND (last_attempt_at IS NULL "
                        + "OR last_attempt_at < now() - make_interval(secs => ?2)) RETURNING payment_id, amount, attempts")
                .setParameter(1, refundId).setParameter(2, (double) lease.toSeconds()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Payment payment = em.find(Payment.class, (UUID) row[0]);
        ProviderPaymentRef paid = payment == null ? null : payments.collectedRef(payment);
        if (paid == null) {
            return Optional.empty();
        }
        return Optional.of(new Claim(refundId, payment.getMethod(), paid,
                (java.math.BigDecimal) row[1], ((Number) row[2]).intValue()));
    }

    /** Pending provider refunds due for a (re)send: never sent and older than a moment, or last sent a lease ago. */
    public List<UUID> due(Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM payment_refunds WHERE status = 'pending' "
                        + "AND route = 'ORIGINAL' AND ((last_attempt_at IS NULL AND created_at < now() - interval '10 seconds') "
                        + "OR last_attempt_at < now() - make_interval(secs => ?1)) ORDER BY created_at LIMIT ?2")
                .setParameter(1, (double) lease.toSeconds()).setParameter(2, limit).getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }

    /** The provider refunded it (or accepted it: {@code done} false, completed by its webhook or the next retry). */
    public void refunded(UUID refundId, String providerRefundId, boolean done) {
        withPending(refundId, (payment, refund) -> {
            if (done) {
                refunds.completeByProvider(payment, refund, providerRefundId);
                audit(refund, payment, "payment.refund", Map.of("provider_refund_id", String.valueOf(providerRefundId)));
            } else {
                refund.acceptedByProvider(providerRefundId);
            }
        });
    }

    /**
     * The provider cannot refund this (Orange, MTN, a partial Wave refund): credited to the wallet instead, or, while
     * the wallet is off (its owner could neither see nor withdraw it), left to finance as a MANUAL refund.
     */
    public void toWallet(UUID refundId, String why) {
        withPending(refundId, (payment, refund) -> {
            if (!settings.enableWallet()) {
                refund.toManual(why);
                audit(refund, payment, "payment.refund_manual", Map.of("fallback", String.valueOf(why),
                        "setting", "enable_wallet"));
                return;
            }
            refunds.creditWallet(payment, refund);
            audit(refund, payment, "payment.refund", Map.of("fallback", String.valueOf(why),
                    "wallet_txn_id", refund.getWalletTxnId().toString()));
        });
    }

    /**
     * Refused after an earlier send went unanswered: the provider may have refunded, so it is not failed (that
     * would make it refundable again) but needs_review, for finance.
     */
    public void review(UUID refundId, String error) {
        withPending(refundId, (payment, refund) -> {
            refund.review(error);
            audit(refund, payment, "payment.refund_needs_review", Map.of("error", String.valueOf(error)));
        });
    }

    /**
     * Finance's decision on a refund in needs_review: {@code paid} completes it (the payment's refunded amount
     * grows); otherwise it failed and what it held is refundable again. Audited with the note.
     */
    public PaymentRefund resolve(UUID refundId, UUID adminId, boolean paid, String note) {
        PaymentRefund found = em.find(PaymentRefund.class, refundId);
        if (found == null) {
            throw new NotFoundException("No such refund.");
        }
        Payment payment = payments.lock(found.getPaymentId()).orElseThrow();
        em.refresh(found, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        found.resolve(paid, adminId, note, Refunds.now());
        if (paid) {
            payment.addRefunded(found.getAmount(), found.getResolution().getResolvedAt());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("refund_id", found.getId().toString());
        meta.put("amount", found.getAmount());
        meta.put("route", found.getRoute().name());
        meta.put("outcome", found.getStatus().name());
        meta.put("refunded_amount", payment.getRefundedAmount());
        meta.put("note", note);
        audit.record(ActorType.admin, adminId, "payment.refund_resolved", "payments", payment.getId(), meta);
        em.flush();
        return found;
    }

    /** The provider could not be reached: stays pending for the retry job. */
    public void unavailable(UUID refundId, String error) {
        withPending(refundId, (payment, refund) -> refund.sendFailed(error));
    }

    /** The provider refused: failed, audited for finance to settle by hand. */
    public void refused(UUID refundId, String error) {
        withPending(refundId, (payment, refund) -> {
            refund.fail(error);
            audit(refund, payment, "payment.refund_failed", Map.of("error", String.valueOf(error)));
        });
    }

    private void withPending(UUID refundId, java.util.function.BiConsumer<Payment, PaymentRefund> change) {
        PaymentRefund found = em.find(PaymentRefund.class, refundId);
        if (found == null) {
            return;
        }
        // payment first, then refund: the same lock order as Refunds and the webhooks
        Payment payment = payments.lock(found.getPaymentId()).orElseThrow();
        em.refresh(found, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (found.getStatus() == RefundStatus.pending) {
            change.accept(payment, found);
        }
    }

    private void audit(PaymentRefund refund, Payment payment, String action, Map<String, String> extra) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("refund_id", refund.getId().toString());
        meta.put("amount", refund.getAmount());
        meta.put("route", refund.getRoute().name());
        meta.put("reason", refund.getReason());
        meta.put("refunded_amount", payment.getRefundedAmount());
        meta.put("attempts", refund.getAttempts());
        meta.putAll(extra);
        audit.record(ActorType.system, null, action, "payments", payment.getId(), meta);
    }
}
