package com.allocar.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * What the payments domain asks of bookings. CONTRACT: the bookings slice implements it.
 *
 * <p>Seats are taken at payment (BOOK-4, docs/architecture.md): accepting a booking holds nothing; the payment's
 * confirmation takes the seats with one conditional UPDATE on the trip, and a payment that finds them gone is
 * refunded in full.
 */
@ApplicationScoped
public class BookingSettlement {

    /**
     * What {@code passengerId} owes for their booking, checked payable now: accepted, trip published and not
     * departed, enough seats free at this moment (advisory: the seats are taken only at settlement).
     *
     * @throws com.allocar.platform.errors.NotFoundException        404 when there is no such booking of the passenger
     * @throws com.allocar.platform.errors.ConflictException        409 when the booking is not accepted (details.status)
     * @throws com.allocar.platform.errors.BookingConflictException 409 booking_conflict when the seats are gone
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingCharge chargeFor(UUID passengerId, UUID bookingId) {
        throw new UnsupportedOperationException("implemented by the bookings slice");
    }

    /**
     * In the caller's transaction: the payment {@code paymentId} of the booking is confirmed. Takes the seats with
     * one conditional UPDATE; when done, the booking moves accepted → paid with its QR token (event, audit,
     * {@link BookingChanged}). Otherwise the booking is cancelled by the system (reason {@code seats_gone}) when
     * still open, and the answer is {@link SettlementResult#REFUND}: the caller refunds the payment in full in
     * the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SettlementResult settle(UUID bookingId, UUID paymentId) {
        throw new UnsupportedOperationException("implemented by the bookings slice");
    }
}
