package com.allocar.bookings;

import java.time.Instant;
import java.util.UUID;

/**
 * A paid booking's ride ended ({@code BookingService.endRide}). Fired inside the completing transaction, so that what
 * observes it synchronously (the driver's earnings ledger) commits or rolls back with the completion. Owned here so
 * that higher domains hear of completions without bookings knowing them.
 */
public record BookingCompleted(UUID bookingId, UUID tripId, UUID driverId, UUID passengerId, Instant completedAt) {
}
