package com.allocar.payments;

import com.allocar.bookings.BookingRefunds;
import com.allocar.platform.audit.ActorType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** Bookings' refunds of a cancellation ({@link BookingRefunds}), made by {@link Refunds} in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CancellationRefunds implements BookingRefunds {
    @Inject
    Refunds refunds;

    @Override
    public Optional<Refunded> refundBooking(UUID bookingId, BigDecimal amount, To to, String reason,
                                            ActorType actorType, UUID actorId) {
        RefundRoute route = to == To.WALLET ? RefundRoute.WALLET : RefundRoute.ORIGINAL;
        return refunds.refundBooking(bookingId, amount, route, reason, actorType, actorId)
                .map(r -> new Refunded(r.refundId(), r.route().name().toLowerCase(), r.status()));
    }
}
