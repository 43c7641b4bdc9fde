package com.allocar.bookings;

import java.util.UUID;

/**
 * Fired (CDI, synchronously inside the transaction) after every booking transition, beside its booking_events and
 * audit rows. Observers acting outside the database (notifications, expiring a cancelled booking's open payment
 * attempts) observe it {@code during = AFTER_SUCCESS}.
 *
 * @param from null for a new booking
 */
public record BookingChanged(UUID bookingId, UUID tripId, UUID passengerId, UUID driverId, BookingStatus from,
                             BookingStatus to) {
}
