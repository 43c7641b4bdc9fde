package com.allocar.trips;

import java.util.UUID;

/**
 * Fired (CDI, synchronously inside the transaction) whenever a trip's searchable facts change: status, time,
 * price, seats, points or stops. Observers that act on it outside the database (the search cache) observe it
 * {@code during = AFTER_SUCCESS}, so a rolled-back change is never broadcast.
 */
public record TripChanged(UUID tripId) {
}
