package com.allocar.bookings;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.errors.BookingConflictException;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.trips.Trip;
import com.allocar.trips.TripChanged;
import com.allocar.trips.TripStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * What the payments domain asks of bookings.
 *
 * <p>Seats are taken at payment (BOOK-4, docs/architecture.md): accepting a booking holds nothing; the payment's
 * confirmation takes the seats with one conditional UPDATE on the trip, and a payment that finds them gone is
 * refunded in full.
 */
@ApplicationScoped
public class BookingSettlement {
    @Inject
    BookingRepository bookings;
    @Inject
    BookingJournal journal;
    @Inject
    BookingQr qr;
    @Inject
    Event<TripChanged> tripChanged;

    private final Clock clock = Clock.systemUTC();

    /**
     * What {@code passengerId} owes for their booking, checked payable now: accepted, trip published and not
     * departed, enough seats free at this moment (advisory: the seats are taken only at settlement).
     *
     * @throws NotFoundException        404 when there is no such booking of the passenger
     * @throws ConflictException        409 when the booking is not accepted (details.status) or the trip has left
     * @throws BookingConflictException 409 booking_conflict when the seats are gone
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingCharge chargeFor(UUID passengerId, UUID bookingId) {
        Booking booking = bookings.find(bookingId).filter(b -> b.ownerId().equals(passengerId))
                .orElseThrow(() -> new NotFoundException("No such booking."));
        if (booking.getStatus() != BookingStatus.accepted) {
            throw new ConflictException(booking.getStatus() == BookingStatus.pending
                    ? "The driver has not accepted this booking yet." : "This booking cannot be paid: it is "
                    + booking.getStatus() + ".", Map.of("status", booking.getStatus().name()));
        }
        Trip trip = booking.getTrip();
        if (trip.getStatus() != TripStatus.published || !trip.getDepartureTime().isAfter(clock.instant())) {
            throw new ConflictException("This trip can no longer be paid for: it has left or was cancelled.",
                    Map.of("trip_status", trip.getStatus().name()));
        }
        Booking.requireFreeSeats(trip, booking.getSeats());
        return new BookingCharge(booking.getId(), trip.getId(), passengerId, trip.ownerId(), booking.getSeats(),
                booking.getAmountTotal(), booking.getCurrency(), trip.getDepartureTime(),
                "AlloCar: " + trip.getOriginText() + " → " + trip.getDestinationText() + ", " + booking.getSeats()
                        + (booking.getSeats() == 1 ? " seat" : " seats"));
    }

    /**
     * Locks the booking's trip, then the booking: every booking change takes these locks in this order, and a
     * payment's row after them. Call it before locking a payment of the booking, so that a webhook and a
     * cancellation of the same booking never wait on each other in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockBooking(UUID bookingId) {
        bookings.lock(bookingId);
    }

    /**
     * In the caller's transaction: the payment {@code paymentId} of the booking is confirmed. Takes the seats with
     * one conditional UPDATE; when done, the booking moves accepted → paid with its QR code (event, audit,
     * {@link BookingChanged}). Otherwise the booking is cancelled by the system (reason {@code seats_gone}) when
     * still open, and the answer is {@link SettlementResult#REFUND}: the caller refunds the payment in full in
     * the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SettlementResult settle(UUID bookingId, UUID paymentId) {
        Booking booking = bookings.lock(bookingId).orElseThrow(() -> new NotFoundException("No such booking."));
        if (booking.getStatus() != BookingStatus.accepted) {
            // cancelled, expired, not yet accepted, or paid by another payment: this money buys nothing
            journal.note(booking, "payment_not_applied", ActorType.system, null,
                    Map.of("payment_id", paymentId.toString(), "status", booking.getStatus().name()));
            return SettlementResult.REFUND;
        }
        UUID tripId = booking.getTrip().getId();
        if (bookings.takeSeats(tripId, booking.getSeats())) {
            BookingStatus from = booking.markPaid(qr.issue(booking.getId()));
            journal.transition(booking, from, "pay", ActorType.system, null,
                    Map.of("payment_id", paymentId.toString(), "seats", booking.getSeats()));
            tripChanged.fire(new TripChanged(tripId, TripChanged.What.seats_taken));
            return SettlementResult.PAID;
        }
        BookingStatus from = booking.cancel(CancelledBy.system, "seats_gone",
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        journal.transition(booking, from, "cancel", ActorType.system, null,
                Map.of("reason", "seats_gone", "payment_id", paymentId.toString()));
        return SettlementResult.REFUND;
    }
}
