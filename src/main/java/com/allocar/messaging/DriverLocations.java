package com.allocar.messaging;

import com.allocar.bookings.BookingService;
import com.allocar.bookings.TripAudience;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ForbiddenException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.realtime.RealtimeNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The driver's live position (MSG-2, docs/realtime.md "Driver location"): the trip's driver publishes over the socket,
 * the driver and the passengers with an accepted or paid booking follow it (socket, or
 * {@code GET /trips/{id}/driver-location}); anyone else gets 404, as for a trip that does not exist.
 */
@ApplicationScoped
public class DriverLocations {
    static final String TOPIC = "l";

    @Inject
    BookingService bookings;
    @Inject
    DriverLocationRepository locations;
    @Inject
    RealtimeNotifier notifier;

    /**
     * Checks and keeps a position of the trip's driver, and announces it to every instance with the commit.
     * 403 for anyone but the driver, 409 {@code reason: trip_not_live} unless the trip is published or under way,
     * 400 / 429 per {@link LocationRules}.
     */
    @Transactional
    public DriverLocationView publish(UUID driverId, UUID tripId, double lat, double lon, Double heading,
                                      Double speed, Instant at) {
        TripAudience audience = bookings.tripAudience(tripId);
        if (!audience.isDriver(driverId)) {
            throw new ForbiddenException("Only the trip's driver publishes its position.");
        }
        if (!audience.live()) {
            throw new ConflictException("This trip is " + audience.status() + ": no position is taken.",
                    Map.of("reason", "trip_not_live", "status", audience.status().name()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LocationRules.Previous previous = locations.find(tripId).map(last -> new LocationRules.Previous(
                GeoPoint.of(last.getPoint()), last.getRecordedAt(), last.getReceivedAt()))
                .orElse(null);
        LocationFix fix = LocationRules.check(lat, lon, heading, speed,
                at == null ? null : at.truncatedTo(ChronoUnit.MICROS), now, previous);
        if (!locations.replace(tripId, driverId, fix, now, LocationRules.MIN_INTERVAL.toMillis())) {
            // Another position of this driver was accepted a moment ago (another socket, another instance).
            throw new RateLimitedException("location", LocationRules.MIN_INTERVAL.toSeconds());
        }
        notifier.publish(TOPIC, tripId);
        return new DriverLocationView(tripId, fix.point().lat(), fix.point().lon(), fix.heading(), fix.speed(),
                fix.at(), now);
    }

    /**
     * The trip's last position, for its driver and its passengers with an accepted or paid booking; 404 for anyone
     * else, and 404 {@code reason: no_position} before the first one.
     */
    @Transactional
    public DriverLocationView last(UUID callerId, UUID tripId) {
        TripAudience audience = audience(callerId, tripId);
        return locations.find(audience.tripId()).map(DriverLocationView::of)
                .orElseThrow(() -> new NotFoundException("The driver has not shared a position for this trip yet.",
                        Map.of("reason", "no_position")));
    }

    /** The trip's audience when {@code userId} is in it; 404 otherwise (outsiders learn nothing of the trip). */
    @Transactional
    public TripAudience audience(UUID userId, UUID tripId) {
        TripAudience audience = bookings.tripAudience(tripId);
        if (!audience.includes(userId)) {
            throw new NotFoundException("No such trip.");
        }
        return audience;
    }
}
