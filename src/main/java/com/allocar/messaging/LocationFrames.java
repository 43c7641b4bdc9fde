package com.allocar.messaging;

import com.allocar.realtime.Frames;
import java.time.Instant;
import java.util.UUID;

/** The driver-location socket's frames (docs/realtime.md, "Driver location"). */
public final class LocationFrames {
    private LocationFrames() {
    }

    /** {@code {type: "location", trip_id, lat, lon, heading?, speed?, at, received_at}}. */
    public record LocationFrame(String type, UUID tripId, double lat, double lon, Double heading, Double speed,
                                Instant at, Instant receivedAt) {
    }

    /** {@code {type: "ack", of: "location", client_id?, location}}: the driver's position was accepted. */
    public record AckFrame(String type, String of, String clientId, DriverLocationView location) {
    }

    static String location(DriverLocationView view) {
        return Frames.write(new LocationFrame("location", view.tripId(), view.lat(), view.lon(), view.heading(),
                view.speed(), view.at(), view.receivedAt()));
    }

    static String accepted(String clientId, DriverLocationView view) {
        return Frames.write(new AckFrame("ack", "location", clientId, view));
    }
}
