package com.allocar.bookings;

import com.allocar.platform.audit.ActorType;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * What a cancellation asks of the money side: give back part of what the booking's payment collected. Owned by
 * bookings and implemented in payments, which sits above bookings (payments may use bookings; bookings never uses
 * payments). Runs in the caller's transaction, so a refund commits or rolls back with the cancellation that causes
 * it.
 */
public interface BookingRefunds {
    /** Where the money goes: the passenger's wallet at once, or back to the means of payment. */
    enum To {
        WALLET, MEANS_OF_PAYMENT
    }

    /**
     * Refunds {@code amount} (capped to what is left) of the booking's collected payment. Empty when nothing was
     * collected or the amount is 0.
     *
     * @param reason a machine reason stored and audited ({@code passenger_cancelled}, {@code driver_cancelled} …)
     */
    Optional<Refunded> refundBooking(UUID bookingId, BigDecimal amount, To to, String reason, ActorType actorType,
                                     UUID actorId);

    /**
     * A refund as decided: {@code route} {@code wallet} (credited already) or {@code original} (a provider refund,
     * sent after the commit), {@code status} {@code completed} or {@code pending}.
     */
    record Refunded(UUID refundId, String route, String status) {
    }
}
