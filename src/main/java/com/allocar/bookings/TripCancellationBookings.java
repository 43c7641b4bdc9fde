package com.allocar.bookings;

import com.allocar.bookings.BookingCancellations.Request;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.money.Pricing.CancellationCase;
import com.allocar.platform.money.Pricing.CancellationOutcome;
import com.allocar.trips.TripCancelled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A cancelled trip cancels its open bookings in the same transaction (CXL-2): every passenger is refunded in full
 * to their means of payment, and a driver who cancels less than the window before departure, with accepted or paid
 * passengers, is fined once for the trip.
 */
@ApplicationScoped
public class TripCancellationBookings {
    @Inject
    BookingRepository bookings;
    @Inject
    BookingCancellations cancellations;
    @Inject
    DriverPenalties penalties;

    void onTripCancelled(@Observes TripCancelled cancelled) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean byDriver = cancelled.actorType() == ActorType.user;
        CancelledBy by = switch (cancelled.actorType()) {
            case user -> CancelledBy.driver;
            case admin -> CancelledBy.admin;
            case system -> CancelledBy.system;
        };
        CancellationOutcome fine = null;
        List<Booking> open = bookings.lockAllOf(cancelled.tripId(),
                List.of(BookingStatus.pending, BookingStatus.accepted, BookingStatus.paid));
        for (Booking booking : open) {
            boolean committed = booking.getStatus() != BookingStatus.pending;
            CancellationOutcome outcome = cancellations.cancel(booking, new Request(
                    byDriver ? CancellationCase.DRIVER : CancellationCase.ADMIN, by, "cancel",
                    "Trip cancelled: " + cancelled.reason(), "trip_cancelled", BookingRefunds.To.MEANS_OF_PAYMENT,
                    false, cancelled.actorType(), cancelled.actorId()), now);
            if (committed && fine == null) {
                fine = outcome;
            }
        }
        if (byDriver && fine != null) {
            penalties.record(open.get(0).driverId(), cancelled.tripId(), null, fine.driverPenalty(),
                    fine.penaltyPoints(), "trip_cancelled", ActorType.user, cancelled.actorId());
        }
    }
}
