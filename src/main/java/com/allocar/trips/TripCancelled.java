package com.allocar.trips;

import com.allocar.platform.audit.ActorType;
import java.util.UUID;

/**
 * Fired (CDI, synchronously inside the transaction, beside {@link TripChanged}) when a trip is cancelled, so that
 * its bookings can be cancelled and refunded; observers acting outside the database observe it
 * {@code during = AFTER_SUCCESS}.
 *
 * @param actorType {@code user} when the driver cancelled, {@code admin} or {@code system} otherwise
 */
public record TripCancelled(UUID tripId, String reason, ActorType actorType, UUID actorId) {
}
