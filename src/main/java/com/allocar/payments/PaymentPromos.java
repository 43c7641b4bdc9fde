package com.allocar.payments;

import com.allocar.promos.Promos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a payment's outcome does to the promo redemption it carries, in the payment's transaction (payments drives the
 * lifecycle; promos never uses payments): paid → consumed; failed, or refunded in full → released, unless another
 * payment of the booking still holds it (open, or collected and not refunded in full).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PaymentPromos {
    /** Release reasons (promo_redemptions.release_reason). */
    static final String PAYMENT_FAILED = "payment_failed";
    static final String REFUNDED = "refunded";
    static final String REPLACED = "replaced";

    @Inject
    Promos promos;
    @Inject
    PaymentRepository payments;

    void paid(Payment payment) {
        if (payment.getPromoRedemptionId() != null) {
            promos.consume(payment.getPromoRedemptionId(), payment.getId());
        }
    }

    void ended(Payment payment, String reason) {
        if (payment.getPromoRedemptionId() != null
                && !payments.otherHolder(payment.getPromoRedemptionId(), payment.getId())) {
            promos.release(payment.getPromoRedemptionId(), reason, payment.getId());
        }
    }
}
