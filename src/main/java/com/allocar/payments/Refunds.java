package com.allocar.payments;

import com.allocar.platform.audit.ActorType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives money back (PAY-5, CXL): in the transaction of its cause, so a refund and the cancellation that causes it
 * commit together. CONTRACT ONLY: implemented by the payments slice.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Refunds {

    /**
     * Refunds {@code amount} of the booking's paid payment by {@code route}. Empty when the booking has no paid
     * payment or the amount is 0. The amount is at most what is left unrefunded. Audited with every amount.
     *
     * @param reason why, stored and audited ({@code passenger_cancelled}, {@code driver_cancelled},
     *               {@code seats_gone}, {@code no_show} …)
     */
    public Optional<RefundOutcome> refundBooking(UUID bookingId, BigDecimal amount, RefundRoute route, String reason,
                                                 ActorType actorType, UUID actorId) {
        throw new UnsupportedOperationException("implemented by the payments slice");
    }

    /** Refunds {@code amount} of a paid payment by {@code route} (see {@link #refundBooking}). */
    public RefundOutcome refundPayment(UUID paymentId, BigDecimal amount, RefundRoute route, String reason,
                                       ActorType actorType, UUID actorId) {
        throw new UnsupportedOperationException("implemented by the payments slice");
    }
}
