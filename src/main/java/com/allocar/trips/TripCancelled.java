package com.allocar.trips;

import java.util.UUID;

/**
 * Fired (CDI, synchronously inside the transaction, beside {@link TripChanged}) when a trip is cancelled, so that
 * its bookings can be cancelled and refunded; observers acting outside the database observe it
 * {@code during = AFTER_SUCCESS}.
 */
public record TripCancelled(UUID tripId, String reason) {
}
