package com.allocar.payments;

import com.allocar.bookings.BookingSettlement;
import com.allocar.bookings.SettlementResult;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a confirmed or failed payment does, in the caller's transaction, the payment's row locked by the caller:
 * paid → the booking is settled (seats taken, booking paid, commission recorded) or, when it cannot be, the payment
 * is refunded in full; a top-up is credited to the wallet. Used by the webhooks, by init when the provider says an
 * earlier attempt was already paid, and by wallet payments.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentSettler {
    /** Refund reason when the money arrived for a booking that can no longer be sold. */
    public static final String SEATS_GONE = "seats_gone";
    /** Refund reason when a second attempt of an already paid payment was paid too. */
    public static final String EXTRA_ATTEMPT = "extra_attempt";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingSettlement settlement;
    @Inject
    WalletLedger ledger;
    @Inject
    Refunds refunds;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;
    @Inject
    Event<PaymentOutcome> outcomes;
    @Inject
    PaymentPromos promos;

    /**
     * Marks the payment paid and applies it. Returns what became of a booking payment ({@code null} for a top-up).
     * A REFUND answer has already been refunded here (full, back by the provider where it can), unless
     * {@code refundIfUnsettled} is false: then the caller decides (the wallet rolls everything back instead).
     */
    public SettlementResult paid(Payment payment, String providerTxnId, String source, boolean refundIfUnsettled) {
        payment.markPaid(providerTxnId, Refunds.now());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("amount", payment.getAmount());
        meta.put("currency", payment.getCurrency());
        meta.put("method", payment.getMethod().name());
        meta.put("source", source);
        if (providerTxnId != null) {
            meta.put("provider_txn_id", providerTxnId);
        }
        outcomes.fire(new PaymentOutcome(payment.getId(), payment.getMethod(), "paid"));
        if (payment.getPurpose() == PaymentPurpose.topup) {
            // a card payment can be refunded or charged back for weeks: its credit is not withdrawable at once
            Instant holdUntil = payment.getMethod() == PaymentMethod.card
                    ? payment.getPaidAt().plus(settings.cardHoldPeriod()) : null;
            WalletTxn txn = ledger.credit(payment.getUserId(), new WalletLedger.Movement(payment.getAmount(),
                    WalletTxnSource.topup, "payment", payment.getId(), "topup:" + payment.getId(),
                    "Recharge AlloCar (" + payment.getMethod() + ")", holdUntil));
            meta.put("wallet_txn_id", txn.getId().toString());
            audit.record(ActorType.system, null, "payment.paid", "payments", payment.getId(), meta);
            return null;
        }
        SettlementResult result = settlement.settle(payment.getBooking().getId(), payment.getId());
        meta.put("booking_id", payment.getBooking().getId().toString());
        meta.put("settlement", result.name());
        if (result == SettlementResult.PAID) {
            // on the fare: a promo's discount is borne by the platform, the driver's share is unchanged
            Pricing.Commission commission = Pricing.commission(payment.fare(), settings.feeTerms());
            payment.recordCommission(commission.percentPart(), commission.fixedPart());
            meta.put("commission", commission.percentPart());
            meta.put("fees", commission.fixedPart());
            meta.put("driver_share", commission.driverShare());
            if (payment.getPromoRedemptionId() != null) {
                meta.put("discount", payment.getDiscount());
                meta.put("promo_redemption_id", payment.getPromoRedemptionId().toString());
                promos.paid(payment);
            }
        }
        audit.record(ActorType.system, null, "payment.paid", "payments", payment.getId(), meta);
        if (result == SettlementResult.REFUND && refundIfUnsettled) {
            refunds.refundPayment(payment.getId(), payment.getAmount(), RefundRoute.ORIGINAL, SEATS_GONE,
                    ActorType.system, null);
        }
        return result;
    }

    /**
     * The provider confirmed that {@code attempt} was paid (payment and attempt locked by the caller). The first
     * success pays the payment ({@link #paid}: settled, or refunded when the booking can no longer take it); a
     * success of another attempt of a payment already paid is money paid twice: it is recorded on a payment of its
     * own and refunded in full, by the provider where it can.
     */
    public void attemptSucceeded(Payment payment, PaymentAttempt attempt, String providerTxnId, String source) {
        attempt.succeeded(providerTxnId);
        if (!payment.getStatus().collected()) {
            payment.showAttempt(attempt.getProviderRef());
            paid(payment, providerTxnId, source, true);
            return;
        }
        Payment extra = Payment.extraSuccessOf(payment);
        extra.showAttempt(attempt.getProviderRef());
        extra.markPaid(providerTxnId, Refunds.now());
        em.persist(extra);
        em.flush();
        attempt.moveTo(extra.getId());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("amount", extra.getAmount());
        meta.put("method", extra.getMethod().name());
        meta.put("source", source);
        meta.put("attempt_id", attempt.getId().toString());
        meta.put("paid_payment_id", payment.getId().toString());
        audit.record(ActorType.system, null, "payment.extra_attempt_paid", "payments", extra.getId(), meta);
        outcomes.fire(new PaymentOutcome(extra.getId(), extra.getMethod(), "paid"));
        refunds.refundPayment(extra.getId(), extra.getAmount(), RefundRoute.ORIGINAL, EXTRA_ATTEMPT,
                ActorType.system, null);
    }

    /**
     * The provider says {@code attempt} failed for good. The payment fails with it unless another attempt is still
     * live (a superseded attempt failing says nothing about the one the payer is on). True when something changed.
     */
    public boolean attemptFailed(Payment payment, PaymentAttempt attempt, String reason, String source,
                                 boolean otherLive) {
        boolean changed = attempt.fail(reason);
        if (changed && !otherLive) {
            failed(payment, reason, source);
        }
        return changed;
    }

    /** The attempt failed (refused, cancelled, expired): only an open attempt fails; a paid one never goes back. */
    public boolean failed(Payment payment, String reason, String source) {
        return failed(payment, reason, source, true);
    }

    /**
     * @param releasePromo false when the caller keeps the payment's promo redemption for the payment replacing it
     */
    public boolean failed(Payment payment, String reason, String source, boolean releasePromo) {
        if (!payment.getStatus().open()) {
            return false;
        }
        payment.markFailed(reason, Refunds.now());
        if (releasePromo) {
            promos.ended(payment, PaymentPromos.PAYMENT_FAILED);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("amount", payment.getAmount());
        meta.put("method", payment.getMethod().name());
        meta.put("source", source);
        if (reason != null) {
            meta.put("reason", reason);
        }
        audit.record(ActorType.system, null, "payment.failed", "payments", payment.getId(), meta);
        outcomes.fire(new PaymentOutcome(payment.getId(), payment.getMethod(), "failed"));
        return true;
    }
}
