package com.allocar.trips;

import java.util.UUID;

/**
 * Fired (CDI, synchronously inside the transaction) whenever a trip's searchable facts change: status, time,
 * price, seats, points, stops or its driver's rating. Observers that act on it outside the database (the search
 * cache, trip alerts) observe it {@code during = AFTER_SUCCESS}, so a rolled-back change is never broadcast.
 *
 * @param what what changed: trip alerts, which only care about a trip newly matching one, skip the others
 */
public record TripChanged(UUID tripId, What what) {
    /** What changed about the trip. */
    public enum What {
        /** Published, amended (time, places, stops, price, vehicle), cancelled, started or ended. */
        listing,
        /** A booking took seats: the trip fits fewer searches than before. */
        seats_taken,
        /** A paid booking was cancelled: seats came back. */
        seats_freed,
        /** The driver's visible rating changed (ratings). */
        driver_rating
    }

    /** A change of the listing itself. */
    public TripChanged(UUID tripId) {
        this(tripId, What.listing);
    }

    /**
     * Whether the trip may now match a trip alert it did not match before: alerts look at places, days and seats, so
     * only a publication, an amendment or seats coming back can (a rating is no alert criterion).
     */
    public boolean mayMatchMoreAlerts() {
        return what == What.listing || what == What.seats_freed;
    }
}
