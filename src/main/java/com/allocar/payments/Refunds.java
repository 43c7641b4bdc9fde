package com.allocar.payments;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.money.Pricing;
import com.allocar.platform.settings.Settings;
import com.allocar.wallet.WalletLedger;
import com.allocar.wallet.WalletTxn;
import com.allocar.wallet.WalletTxnSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives money back (PAY-5, CXL): in the transaction of its cause, so a refund and the cancellation that causes it
 * commit together. The payment's row is locked first, so concurrent refunds of one payment never give back more
 * than was paid (amount − refunded − pending refunds, {@link Pricing#refundable}).
 *
 * <p>WALLET (and any payment made from the wallet): credited now ({@code refund:<refund id>}), completed. ORIGINAL
 * with a provider: a pending {@link PaymentRefund}, sent after the commit by {@link RefundSender} with the refund id
 * as idempotency key; a provider that cannot refund it (Orange, MTN, a partial Wave refund) makes it a wallet credit,
 * or, while the wallet is off, a MANUAL refund finance pays out. With the wallet off, WALLET refunds of provider
 * payments go back by the original method instead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Refunds {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    PaymentRepository payments;
    @Inject
    WalletLedger ledger;
    @Inject
    AuditService audit;
    @Inject
    Settings settings;
    @Inject
    Event<RefundRequested> requested;
    @Inject
    Event<PaymentOutcome> outcomes;
    @Inject
    Event<PaymentRefundRecorded> refundRecorded;
    @Inject
    PaymentPromos promos;

    /**
     * Refunds {@code amount} of the booking's fare from its paid payment by {@code route}: less the payment's promo
     * discount (what the passenger did not pay), at most what is left unrefunded. Empty when the booking has no paid
     * payment or nothing is left to give back. Audited with every amount.
     *
     * @param reason why, stored and audited ({@code passenger_cancelled}, {@code driver_cancelled},
     *               {@code seats_gone}, {@code no_show} …)
     */
    public Optional<RefundOutcome> refundBooking(UUID bookingId, BigDecimal amount, RefundRoute route, String reason,
                                                 ActorType actorType, UUID actorId) {
        if (amount == null || amount.signum() <= 0) {
            return Optional.empty();
        }
        for (Payment payment : payments.lockCollected(bookingId)) {
            BigDecimal left = refundable(payment);
            // bookings count on the fare; a promo's discount was never paid, so it is never given back
            BigDecimal paidPart = amount.subtract(payment.getDiscount());
            if (left.signum() > 0 && paidPart.signum() > 0) {
                return Optional.of(refund(payment, paidPart.min(left), route, reason, actorType, actorId));
            }
        }
        return Optional.empty();
    }

    /**
     * Refunds {@code amount} of a paid payment by {@code route} (see {@link #refundBooking}).
     *
     * @throws ConflictException 409 when the payment was not paid, or the amount exceeds what is left to refund
     */
    public RefundOutcome refundPayment(UUID paymentId, BigDecimal amount, RefundRoute route, String reason,
                                       ActorType actorType, UUID actorId) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new NotFoundException("No such payment."));
        if (!payment.getStatus().collected()) {
            throw new ConflictException("Only a paid payment can be refunded.",
                    Map.of("status", payment.getStatus().name()));
        }
        BigDecimal left = refundable(payment);
        if (amount.signum() <= 0 || amount.compareTo(left) > 0) {
            throw new ConflictException("The refund is more than what is left to refund.",
                    Map.of("requested", amount, "refundable", left));
        }
        return refund(payment, amount, route, reason, actorType, actorId);
    }

    private BigDecimal refundable(Payment payment) {
        return Pricing.refundable(payment.getAmount(), payment.getRefundedAmount(),
                payments.pendingRefunds(payment.getId()));
    }

    private RefundOutcome refund(Payment payment, BigDecimal amount, RefundRoute route, String reason,
                                 ActorType actorType, UUID actorId) {
        BigDecimal francs = amount.setScale(0, java.math.RoundingMode.UNNECESSARY);
        // a wallet nobody can see is never credited with money that came from a provider
        boolean toWallet = !payment.viaProvider() || route == RefundRoute.WALLET && settings.enableWallet();
        RefundRoute effective = toWallet ? RefundRoute.WALLET : RefundRoute.ORIGINAL;
        PaymentRefund refund = new PaymentRefund(payment.getId(), francs, effective, reason, actorType, actorId);
        em.persist(refund);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("refund_id", refund.getId().toString());
        meta.put("amount", francs);
        meta.put("route", effective.name());
        meta.put("reason", reason);
        meta.put("payment_amount", payment.getAmount());
        if (effective == RefundRoute.WALLET) {
            creditWallet(payment, refund);
            meta.put("refunded_amount", payment.getRefundedAmount());
            meta.put("wallet_txn_id", refund.getWalletTxnId().toString());
            audit.record(actorType, actorId, "payment.refund", "payments", payment.getId(), meta);
        } else {
            audit.record(actorType, actorId, "payment.refund_requested", "payments", payment.getId(), meta);
            requested.fire(new RefundRequested(refund.getId()));
        }
        afterRefund(payment, refund);
        return new RefundOutcome(refund.getId(), payment.getId(), francs, refund.getRoute(), refund.getStatus().name());
    }

    /** Credits a pending refund to the payer's wallet and completes it (the payment's row is locked by the caller). */
    public void creditWallet(Payment payment, PaymentRefund refund) {
        WalletTxn txn = ledger.credit(payment.getUserId(), new WalletLedger.Movement(refund.getAmount(),
                WalletTxnSource.refund, "refund", refund.getId(), "refund:" + refund.getId(),
                "Remboursement AlloCar"));
        Instant now = now();
        refund.completeToWallet(txn.getId(), now);
        payment.addRefunded(refund.getAmount(), now);
        outcomes.fire(new PaymentOutcome(payment.getId(), payment.getMethod(), "refunded"));
    }

    /** A provider refunded a pending refund: completed, and added to the payment's refunded amount. */
    public void completeByProvider(Payment payment, PaymentRefund refund, String providerRefundId) {
        Instant now = now();
        refund.completeByProvider(providerRefundId, now);
        payment.addRefunded(refund.getAmount(), now);
        outcomes.fire(new PaymentOutcome(payment.getId(), payment.getMethod(), "refunded"));
    }

    /**
     * A refund the provider made that we did not ask for (e.g. from its dashboard), recorded as completed so that
     * the payment's refunded amount stays the sum of its completed refunds. Audited.
     */
    public void recordProviderRefund(Payment payment, BigDecimal amount, String providerRefundId) {
        BigDecimal francs = amount.min(payment.getAmount().subtract(payment.getRefundedAmount()));
        if (francs.signum() <= 0) {
            return;
        }
        PaymentRefund refund = new PaymentRefund(payment.getId(), francs, RefundRoute.ORIGINAL, "provider_refund",
                ActorType.system, null);
        em.persist(refund);
        completeByProvider(payment, refund, providerRefundId);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("refund_id", refund.getId().toString());
        meta.put("amount", francs);
        meta.put("refunded_amount", payment.getRefundedAmount());
        meta.put("route", RefundRoute.ORIGINAL.name());
        meta.put("reason", "provider_refund");
        audit.record(ActorType.system, null, "payment.refund", "payments", payment.getId(), meta);
        afterRefund(payment, refund);
    }

    /**
     * Tells the earnings ledger (with what it needs to take back a discounted payment's share of the fare), and gives
     * the promo back once the payment is refunded (or being refunded) in full.
     */
    private void afterRefund(Payment payment, PaymentRefund refund) {
        BigDecimal refundedTotal = payment.getRefundedAmount().add(payments.pendingRefunds(payment.getId()));
        refundRecorded.fire(new PaymentRefundRecorded(payment.getId(),
                payment.getBooking() == null ? null : payment.getBooking().getId(), refund.getId(), refund.getAmount(),
                payment.getAmount(), payment.getDiscount(), refundedTotal));
        if (refundedTotal.compareTo(payment.getAmount()) >= 0) {
            promos.ended(payment, PaymentPromos.REFUNDED);
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
