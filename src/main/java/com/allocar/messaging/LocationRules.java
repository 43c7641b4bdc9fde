package com.allocar.messaging;

import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a driver's position must be to be accepted (docs/realtime.md, "Driver location"): WGS84 coordinates, a heading
 * and a speed in range when given, a fix time close to the server's clock and after the previous fix, no jump faster
 * than {@link #MAX_IMPLIED_SPEED} from the previous fix, and at most one fix per {@link #MIN_INTERVAL}.
 */
final class LocationRules {
    /** At most one accepted position per driver in this time. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(2);
    /** The fastest movement between two fixes believed: 70 m/s (252 km/h), above any car here, GPS noise included. */
    static final double MAX_IMPLIED_SPEED = 70;
    /** The highest speed a device may report, m/s (324 km/h). */
    static final double MAX_REPORTED_SPEED = 90;
    /** How old a fix may be when it arrives. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** How far ahead of the server's clock a device's clock may be. */
    static final Duration MAX_AHEAD = Duration.ofSeconds(30);

    /** The trip's last accepted position: where, when the device took it, when the server accepted it. */
    record Previous(GeoPoint point, Instant recordedAt, Instant receivedAt) {
    }

    private LocationRules() {
    }

    /**
     * Checks a position sent at {@code now}; {@code at} null means "now". 400 {@code validation_error} with the bad
     * fields ({@code reason} {@code implausible_speed} for a jump), 429 {@code rate_limited} ({@code scope: location})
     * when the previous position was accepted less than {@link #MIN_INTERVAL} ago.
     */
    static LocationFix check(double lat, double lon, Double heading, Double speed, Instant at, Instant now,
                             Previous previous) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!(lat >= -90 && lat <= 90)) {
            problems.put("lat", "must be a WGS84 latitude, between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            problems.put("lon", "must be a WGS84 longitude, between -180 and 180");
        }
        if (lat == 0 && lon == 0) {
            problems.put("lat", "0, 0 is what a GPS without a fix reports, not a position");
        }
        if (heading != null && !(heading >= 0 && heading < 360)) {
            problems.put("heading", "must be in degrees from north, 0 up to 360 (excluded)");
        }
        if (speed != null && !(speed >= 0 && speed <= MAX_REPORTED_SPEED)) {
            problems.put("speed", "must be in metres per second, 0 to " + (int) MAX_REPORTED_SPEED);
        }
        Instant taken = at == null ? now : at;
        if (taken.isAfter(now.plus(MAX_AHEAD))) {
            problems.put("at", "is more than " + MAX_AHEAD.toSeconds() + " s ahead of the server's clock");
        } else if (taken.isBefore(now.minus(MAX_AGE))) {
            problems.put("at", "is more than " + MAX_AGE.toSeconds() + " s old: send current positions only");
        }
        if (!problems.isEmpty()) {
            throw ValidationException.fields(problems);
        }
        if (previous != null) {
            Duration since = Duration.between(previous.receivedAt(), now);
            if (since.compareTo(MIN_INTERVAL) < 0) {
                long waitMillis = MIN_INTERVAL.minus(since).toMillis();
                throw new RateLimitedException("location", Math.max(1, (waitMillis + 999) / 1000));
            }
            if (!taken.isAfter(previous.recordedAt())) {
                throw ValidationException.field("at", "is not after the previous position's (" + previous.recordedAt()
                        + ")");
            }
            GeoPoint point = new GeoPoint(lat, lon);
            double seconds = Duration.between(previous.recordedAt(), taken).toNanos() / 1e9;
            double implied = point.metersTo(previous.point()) / seconds;
            if (implied > MAX_IMPLIED_SPEED) {
                throw new ValidationException("This position is " + Math.round(implied) + " m/s away from the previous "
                        + "one: not believed.", Map.of("reason", "implausible_speed",
                        "implied_speed_mps", Math.round(implied), "max_speed_mps", (long) MAX_IMPLIED_SPEED));
            }
        }
        return new LocationFix(new GeoPoint(lat, lon), heading, speed, taken);
    }
}
