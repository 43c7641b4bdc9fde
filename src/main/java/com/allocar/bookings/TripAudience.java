package com.allocar.bookings;

import com.allocar.trips.TripStatus;
import java.util.Set;
import java.util.UUID;

/**
 * A trip's driver, its status, and the passengers whose booking on it is accepted or paid: who may follow the driver
 * live (MSG-2). Anyone else is an outsider.
 */
public record TripAudience(UUID tripId, UUID driverId, TripStatus status, Set<UUID> passengers) {

    public boolean isDriver(UUID userId) {
        return driverId.equals(userId);
    }

    public boolean isPassenger(UUID userId) {
        return passengers.contains(userId);
    }

    /** The driver or a booked passenger. */
    public boolean includes(UUID userId) {
        return isDriver(userId) || isPassenger(userId);
    }

    /** Whether the driver may publish positions: the trip is published (on the way to pick-ups) or under way. */
    public boolean live() {
        return status == TripStatus.published || status == TripStatus.ongoing;
    }
}
