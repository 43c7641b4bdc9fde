package com.allocar.trips;

import java.util.List;
import java.util.UUID;

/**
 * Fired (CDI, synchronously inside the transaction, beside {@link TripChanged}) when the driver changes what a
 * passenger planned around: time, places, stops, price, vehicle, luggage policy or rules. Seats and auto-accept
 * do not count. Observed by bookings, which tells the trip's passengers in the same transaction.
 *
 * @param changeId one per change, so that each change is told once
 * @param changed  the fields changed ({@code departure_time}, {@code origin}, {@code stops} …)
 */
public record TripAmended(UUID changeId, UUID tripId, List<String> changed) {
    /** The fields whose change concerns passengers. */
    public static final List<String> RELEVANT = List.of("departure_time", "origin", "destination", "origin_text",
            "destination_text", "stops", "price_per_seat", "vehicle_id", "luggage_policy", "rules");

    public TripAmended {
        changed = List.copyOf(changed);
    }
}
