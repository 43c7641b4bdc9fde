package com.allocar.trips;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/** An intermediate stop of a trip; created through {@link Trip#addStop}. */
@Entity
@Table(name = "trip_stops")
public class TripStop extends CreatedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trip_id", nullable = false, updatable = false)
    private Trip trip;

    @Column(name = "stop_order", nullable = false)
    private int stopOrder;

    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(nullable = false)
    private Point point;

    @Column(nullable = false)
    private String label;

    @Column(name = "pickup_allowed", nullable = false)
    private boolean pickupAllowed;

    @Column(name = "dropoff_allowed", nullable = false)
    private boolean dropoffAllowed;

    protected TripStop() {
    }

    TripStop(Trip trip, int stopOrder, Point point, String label, boolean pickupAllowed, boolean dropoffAllowed) {
        if (stopOrder < 1) {
            throw new IllegalArgumentException("stop order starts at 1");
        }
        this.trip = Objects.requireNonNull(trip);
        this.stopOrder = stopOrder;
        this.point = Objects.requireNonNull(point);
        this.label = Objects.requireNonNull(label);
        this.pickupAllowed = pickupAllowed;
        this.dropoffAllowed = dropoffAllowed;
    }

    public Trip getTrip() {
        return trip;
    }

    public int getStopOrder() {
        return stopOrder;
    }

    public Point getPoint() {
        return point;
    }

    public String getLabel() {
        return label;
    }

    public boolean isPickupAllowed() {
        return pickupAllowed;
    }

    public boolean isDropoffAllowed() {
        return dropoffAllowed;
    }
}
