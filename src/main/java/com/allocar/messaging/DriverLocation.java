package com.allocar.messaging;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/**
 * The last position a trip's driver published (WGS84; x is the longitude, y the latitude): one row per trip, replaced
 * by each accepted fix ({@link DriverLocationRepository#replace}, migration 039). {@code recordedAt} is when the
 * device took the fix, {@code receivedAt} when the server accepted it; {@code createdAt} is the trip's first fix.
 */
@Entity
@Immutable
@Table(name = "driver_locations")
public class DriverLocation extends CreatedEntity {
    @Column(name = "trip_id", nullable = false)
    private UUID tripId;

    @Column(name = "driver_id", nullable = false)
    private UUID driverId;

    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(nullable = false)
    private Point point;

    /** Degrees clockwise from true north, 0 ≤ heading < 360; null when the device did not say. */
    @Column
    private Double heading;

    /** Metres per second; null when the device did not say. */
    @Column
    private Double speed;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected DriverLocation() {
    }

    public DriverLocation(UUID tripId, UUID driverId, Point point) {
        this.tripId = Objects.requireNonNull(tripId);
        this.driverId = Objects.requireNonNull(driverId);
        this.point = Objects.requireNonNull(point);
        this.recordedAt = Instant.now();
        this.receivedAt = recordedAt;
    }

    public UUID getTripId() {
        return tripId;
    }

    public UUID getDriverId() {
        return driverId;
    }

    public Point getPoint() {
        return point;
    }

    public Double getHeading() {
        return heading;
    }

    public Double getSpeed() {
        return speed;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
