package com.allocar.messaging;

import com.allocar.platform.geo.GeoPoint;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trip's driver position: WGS84 {@code lat}, {@code lon}; {@code heading} (degrees from north) and {@code speed}
 * (m/s) when the device gave them; {@code at}, when the device took the fix; {@code received_at}, when the server
 * accepted it.
 */
public record DriverLocationView(
        UUID tripId,
        @Schema(minimum = "-90", maximum = "90", example = "5.3575") double lat,
        @Schema(minimum = "-180", maximum = "180", example = "-4.0083") double lon,
        @Schema(minimum = "0", maximum = "360", description = "degrees clockwise from north, below 360") Double heading,
        @Schema(minimum = "0", description = "metres per second") Double speed,
        Instant at,
        Instant receivedAt) {

    static DriverLocationView of(DriverLocation location) {
        GeoPoint point = GeoPoint.of(location.getPoint());
        return new DriverLocationView(location.getTripId(), point.lat(), point.lon(), location.getHeading(),
                location.getSpeed(), location.getRecordedAt(), location.getReceivedAt());
    }
}
