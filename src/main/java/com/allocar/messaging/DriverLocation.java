package com.allocar.messaging;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** A position the driver published during a trip (WGS84; x is the longitude, y the latitude). */
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

    protected DriverLocation() {
    }

    public DriverLocation(UUID tripId, UUID driverId, Point point) {
        this.tripId = Objects.requireNonNull(tripId);
        this.driverId = Objects.requireNonNull(driverId);
        this.point = Objects.requireNonNull(point);
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
}
