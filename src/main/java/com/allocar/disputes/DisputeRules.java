package com.allocar.disputes;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingStatus;
import com.allocar.platform.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * When a booking may be disputed (DISP-1): it was paid (paid, or completed), and the window has not closed:
 * {@code disputes.window_days} after the trip's departure or the ride's completion, whichever is later.
 */
final class DisputeRules {
    private DisputeRules() {
    }

    /** {@link #requireOpenable(BookingStatus, Instant, Instant, Instant, Duration)} for this booking. */
    static void requireOpenable(Booking booking, Instant now, Duration window) {
        requireOpenable(booking.getStatus(), booking.getTrip().getDepartureTime(), booking.getCompletedAt(), now,
                window);
    }

    /** 409 conflict (reason booking_not_disputable or window_closed) unless a dispute may be opened now. */
    static void requireOpenable(BookingStatus status, Instant departure, Instant completedAt, Instant now,
                                Duration window) {
        if (status != BookingStatus.paid && status != BookingStatus.completed) {
            throw new ConflictException("Only a paid or completed booking can be disputed.",
                    Map.of("reason", "booking_not_disputable", "status", status.name()));
        }
        Instant closes = closesAt(departure, completedAt, window);
        if (now.isAfter(closes)) {
            throw new ConflictException("The time to open a dispute about this booking is over.",
                    Map.of("reason", "window_closed", "closed_at", closes.toString()));
        }
    }

    /** The end of the window: {@code window} after the departure or the completion, whichever is later. */
    static Instant closesAt(Instant departure, Instant completedAt, Duration window) {
        Instant from = completedAt != null && completedAt.isAfter(departure) ? completedAt : departure;
        return from.plus(window);
    }
}
