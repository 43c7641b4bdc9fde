package com.allocar.payments;

import com.allocar.platform.errors.ConflictException;
import com.allocar.promos.Promo;
import com.allocar.promos.PromoRedemptions;
import com.allocar.promos.Promos;
import com.allocar.promos.RedemptionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The promo of {@code POST /payments/init}, in its transaction, the booking locked: the booking's reserved code is
 * kept when asked again (a retried init never reserves twice); another code, or none, stops the open payments that
 * carried the old one and gives its use back before the new one is reserved.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PromoAtInit {
    @Inject
    Promos promos;
    @Inject
    PaymentRepository payments;
    @Inject
    PaymentSettler settler;
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** The discount applied: none, or a reserved redemption's. */
    public record Applied(UUID redemptionId, BigDecimal discount) {
        static final Applied NONE = new Applied(null, BigDecimal.ZERO);
    }

    /**
     * @param superseded collects the attempts of stopped payments, to cancel at their providers after the commit
     */
    Applied apply(UUID userId, UUID bookingId, String code, BigDecimal fare,
                  List<PaymentRepository.OpenAttempt> superseded) {
        String wanted = Promo.normalize(code);
        Optional<PromoRedemptions.Live> live = promos.liveOf(bookingId);
        if (live.isPresent() && live.get().status() != RedemptionStatus.reserved) {
            // paid meanwhile (after the charge was read): nothing more to pay
            throw new ConflictException("This booking's promo code was used already.", Map.of("reason", "promo_consumed"));
        }
        if (live.isPresent() && !live.get().code().equals(wanted)) {
            for (Payment payment : payments.openWithRedemption(live.get().id())) {
                payments.liveAttempt(payment.getId()).ifPresent(attempt -> {
                    attempt.supersede();
                    Optional.ofNullable(attempt.ref(payment)).ifPresent(
                            ref -> superseded.add(new PaymentRepository.OpenAttempt(attempt.getProvider(), ref)));
                });
                settler.failed(payment, "promo_changed", "init", false);
            }
            promos.release(live.get().id(), PaymentPromos.REPLACED, null);
            em.flush(); // the stopped payments are no longer open for the insert of their replacement
        }
        if (wanted == null) {
            return Applied.NONE;
        }
        Promos.Reservation reservation = promos.reserve(userId, bookingId, wanted, fare);
        return new Applied(reservation.redemptionId(), reservation.discount());
    }
}
