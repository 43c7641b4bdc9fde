package com.allocar.bookings;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.money.Pricing;
import com.allocar.platform.money.Pricing.CancellationCase;
import com.allocar.platform.money.Pricing.CancellationOutcome;
import com.allocar.platform.settings.Settings;
import com.allocar.trips.TripChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cancels a locked booking with its money (CXL): the amounts from {@link Pricing#cancellation}, the seats of a
 * paid booking given back, the refund through {@link BookingRefunds}, the driver's penalty, and one booking_events and
 * audit row carrying every amount, all in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BookingCancellations {
    @Inject
    BookingRepository bookings;
    @Inject
    BookingJournal journal;
    @Inject
    BookingRefunds refunds;
    @Inject
    DriverPenalties penalties;
    @Inject
    Settings settings;
    @Inject
    Event<TripChanged> tripChanged;
    @Inject
    Event<BookingFeeKept> feeKept;

    /** Cancels the booking (locked by the caller) as {@code request} says, at {@code now}. */
    public CancellationOutcome cancel(Booking booking, Request request, Instant now) {
        boolean wasPaid = booking.getStatus() == BookingStatus.paid;
        CancellationOutcome outcome = Pricing.cancellation(request.cancellationCase(),
                wasPaid ? booking.getAmountTotal() : BigDecimal.ZERO, booking.getTrip().getDepartureTime(), now,
                settings.cancellationTerms());
        BookingStatus from = booking.cancel(request.by(), request.reason(), now);
        UUID tripId = booking.getTrip().getId();
        if (wasPaid) {
            bookings.releaseSeats(tripId, booking.getSeats());
            tripChanged.fire(new TripChanged(tripId, TripChanged.What.seats_freed));
        }
        Optional<BookingRefunds.Refunded> refund = outcome.refund().signum() > 0
                ? refunds.refundBooking(booking.getId(), outcome.refund(), request.refundTo(), request.refundReason(),
                request.actorType(), request.actorId())
                : Optional.empty();
        if (wasPaid && outcome.kept().signum() > 0) {
            feeKept.fire(new BookingFeeKept(booking.getId(), tripId, booking.driverId(), outcome.kept(),
                    request.refundReason(), now));
        }
        // only a passenger the driver had accepted (or who had paid) costs the driver a fine
        boolean fined = request.penalise() && (from == BookingStatus.accepted || from == BookingStatus.paid);
        if (fined) {
            penalties.record(booking.driverId(), tripId, booking.getId(), outcome.driverPenalty(),
                    outcome.penaltyPoints(), request.refundReason(), request.actorType(), request.actorId());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("reason", request.reason());
        meta.put("case", outcome.cancellationCase().name().toLowerCase());
        meta.put("inside_window", outcome.insideWindow());
        meta.put("paid", outcome.paid());
        meta.put("refund", outcome.refund());
        meta.put("kept", outcome.kept());
        meta.put("driver_penalty", fined ? outcome.driverPenalty() : BigDecimal.ZERO);
        meta.put("penalty_points", fined ? outcome.penaltyPoints() : 0);
        refund.ifPresent(r -> {
            meta.put("refund_id", r.refundId().toString());
            meta.put("refund_route", r.route());
            meta.put("refund_status", r.status());
        });
        journal.transition(booking, from, request.action(), request.actorType(), request.actorId(), meta);
        return outcome;
    }

    /**
     * How to cancel.
     *
     * @param action       the audit action ({@code cancel}, {@code reject}, {@code expire}, {@code no_show})
     * @param reason       the reason shown on the booking
     * @param refundReason a machine reason for the refund and penalty rows ({@code passenger_cancelled} …)
     * @param penalise     whether a late driver cancellation fines the driver for this booking (false when the
     *                     whole trip is cancelled: the trip is fined once)
     */
    public record Request(CancellationCase cancellationCase, CancelledBy by, String action, String reason,
                          String refundReason, BookingRefunds.To refundTo, boolean penalise, ActorType actorType,
                          UUID actorId) {
    }
}
