package com.allocar.trips;

import com.allocar.identity.User;
import com.allocar.platform.persistence.VersionedEntity;
import com.allocar.platform.security.Owned;
import com.allocar.vehicles.ComfortLevel;
import com.allocar.vehicles.Vehicle;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

/**
 * A driver's journey offer. Points are WGS84 (SRID 4326) geography; x is the longitude, y the latitude.
 * {@code seatsAvailable} is changed by conditional SQL updates ({@code seats_available >= 0} is checked by the
 * database); {@code @DynamicUpdate} keeps an edit of other fields from writing it back stale.
 */
@Entity
@Table(name = "trips")
@DynamicUpdate
public class Trip extends VersionedEntity implements Owned {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "driver_id", nullable = false, updatable = false)
    private User driver;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "vehicle_id")
    private Vehicle vehicle;

    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "origin_point", nullable = false)
    private Point originPoint;

    @Column(name = "origin_text", nullable = false)
    private String originText;

    @JdbcTypeCode(SqlTypes.GEOGRAPHY)
    @Column(name = "destination_point", nullable = false)
    private Point destinationPoint;

    @Column(name = "destination_text", nullable = false)
    private String destinationText;

    @Column(name = "departure_time", nullable = false)
    private Instant departureTime;

    @Column(name = "arrival_eta")
    private Instant arrivalEta;

    @Column(name = "distance_m")
    private Integer distanceM;

    @Column(name = "duration_s")
    private Integer durationS;

    @Column(name = "price_per_seat", nullable = false, precision = 12, scale = 2)
    private BigDecimal pricePerSeat;

    @Column(nullable = false)
    private String currency = "XOF";

    @Column(name = "seats_offered", nullable = false)
    private int seatsOffered;

    @Column(name = "seats_available", nullable = false)
    private int seatsAvailable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ComfortLevel comfort = ComfortLevel.standard;

    @Column(name = "luggage_policy")
    private String luggagePolicy;

    private String rules;

    @Column(name = "allow_auto_accept", nullable = false)
    private boolean allowAutoAccept;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TripStatus status = TripStatus.draft;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @OneToMany(mappedBy = "trip", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("stopOrder")
    private List<TripStop> stops = new ArrayList<>();

    protected Trip() {
    }

    /** A draft trip offering {@code seats} seats. */
    public Trip(User driver, Point originPoint, String originText, Point destinationPoint, String destinationText,
            Instant departureTime, BigDecimal pricePerSeat, int seats) {
        if (seats < 1) {
            throw new IllegalArgumentException("a trip offers at least one seat");
        }
        if (pricePerSeat.signum() < 0) {
            throw new IllegalArgumentException("the price cannot be negative");
        }
        this.driver = Objects.requireNonNull(driver);
        this.originPoint = Objects.requireNonNull(originPoint);
        this.originText = Objects.requireNonNull(originText);
        this.destinationPoint = Objects.requireNonNull(destinationPoint);
        this.destinationText = Objects.requireNonNull(destinationText);
        this.departureTime = Objects.requireNonNull(departureTime);
        this.pricePerSeat = pricePerSeat;
        this.seatsOffered = seats;
        this.seatsAvailable = seats;
    }

    /** The driver: only they see a draft or cancelled trip and change a trip on user routes. */
    @Override
    public UUID ownerId() {
        return driver.getId();
    }

    /** draft → published ({@link TripStatus#requireTransitionTo}: 409 otherwise). */
    public void publish() {
        moveTo(TripStatus.published);
    }

    /** draft or published → cancelled, keeping when and why (the trip stays readable by its driver). */
    public void cancel(String reason, Instant at) {
        moveTo(TripStatus.cancelled);
        this.cancelledAt = Objects.requireNonNull(at);
        this.cancelReason = reason;
    }

    /** published → ongoing: the ride has begun. */
    public void start() {
        moveTo(TripStatus.ongoing);
    }

    /** ongoing → completed. */
    public void complete() {
        moveTo(TripStatus.completed);
    }

    private void moveTo(TripStatus target) {
        status.requireTransitionTo(target);
        status = target;
    }

    public void moveOrigin(Point point, String text) {
        this.originPoint = Objects.requireNonNull(point);
        this.originText = Objects.requireNonNull(text);
    }

    public void moveDestination(Point point, String text) {
        this.destinationPoint = Objects.requireNonNull(point);
        this.destinationText = Objects.requireNonNull(text);
    }

    public void setDepartureTime(Instant departureTime) {
        this.departureTime = Objects.requireNonNull(departureTime);
    }

    public void setPricePerSeat(BigDecimal pricePerSeat) {
        if (pricePerSeat.signum() < 0) {
            throw new IllegalArgumentException("the price cannot be negative");
        }
        this.pricePerSeat = pricePerSeat;
    }

    /** Removes every stop (the rows go with the flush: orphan removal). */
    public void clearStops() {
        stops.clear();
    }

    /** Appends a stop; {@code stopOrder} runs from 1 and is unique within the trip. */
    public TripStop addStop(int stopOrder, Point point, String label, boolean pickupAllowed, boolean dropoffAllowed) {
        TripStop stop = new TripStop(this, stopOrder, point, label, pickupAllowed, dropoffAllowed);
        stops.add(stop);
        return stop;
    }

    public User getDriver() {
        return driver;
    }

    public Vehicle getVehicle() {
        return vehicle;
    }

    /** Assigns the vehicle and takes its comfort level. */
    public void setVehicle(Vehicle vehicle) {
        this.vehicle = vehicle;
        if (vehicle != null) {
            this.comfort = vehicle.getComfortLevel();
        }
    }

    public Point getOriginPoint() {
        return originPoint;
    }

    public String getOriginText() {
        return originText;
    }

    public Point getDestinationPoint() {
        return destinationPoint;
    }

    public String getDestinationText() {
        return destinationText;
    }

    public Instant getDepartureTime() {
        return departureTime;
    }

    public Instant getArrivalEta() {
        return arrivalEta;
    }

    public Integer getDistanceM() {
        return distanceM;
    }

    public Integer getDurationS() {
        return durationS;
    }

    /** Route facts from the routing service (or its great-circle fallback). */
    public void setRoute(Integer distanceM, Integer durationS, Instant arrivalEta) {
        this.distanceM = distanceM;
        this.durationS = durationS;
        this.arrivalEta = arrivalEta;
    }

    /** The route's facts, the arrival following from the departure (none for a zero duration). */
    public void setRoute(int distanceM, int durationS) {
        setRoute(distanceM, durationS, durationS > 0 ? departureTime.plusSeconds(durationS) : null);
    }

    public BigDecimal getPricePerSeat() {
        return pricePerSeat;
    }

    public String getCurrency() {
        return currency;
    }

    public int getSeatsOffered() {
        return seatsOffered;
    }

    public int getSeatsAvailable() {
        return seatsAvailable;
    }

    public ComfortLevel getComfort() {
        return comfort;
    }

    public void setComfort(ComfortLevel comfort) {
        this.comfort = Objects.requireNonNull(comfort);
    }

    public String getLuggagePolicy() {
        return luggagePolicy;
    }

    public void setLuggagePolicy(String luggagePolicy) {
        this.luggagePolicy = luggagePolicy;
    }

    public String getRules() {
        return rules;
    }

    public void setRules(String rules) {
        this.rules = rules;
    }

    public boolean isAllowAutoAccept() {
        return allowAutoAccept;
    }

    public void setAllowAutoAccept(boolean allowAutoAccept) {
        this.allowAutoAccept = allowAutoAccept;
    }

    public TripStatus getStatus() {
        return status;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    /** The stops in {@code stopOrder}, read-only: add them with {@link #addStop}. */
    public List<TripStop> getStops() {
        return Collections.unmodifiableList(stops);
    }
}
