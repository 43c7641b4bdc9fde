package com.allocar.bookings;

import com.allocar.identity.User;
import com.allocar.platform.errors.BookingConflictException;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.persistence.VersionedEntity;
import com.allocar.platform.security.Owned;
import com.allocar.trips.Trip;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A passenger's seats on a trip. */
@Entity
@Table(name = "bookings")
public class Booking extends VersionedEntity implements Owned {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trip_id", nullable = false, updatable = false)
    private Trip trip;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "passenger_id", nullable = false, updatable = false)
    private User passenger;

    @Column(nullable = false)
    private int seats;

    @Column(name = "amount_total", nullable = false, precision = 12, scale = 2)
    private BigDecimal amountTotal;

    @Column(nullable = false)
    private String currency = "XOF";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BookingStatus status = BookingStatus.pending;

    @Column(name = "qr_code")
    private String qrCode;

    /** When a pending booking lapses if the driver has not answered. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    private CancelledBy cancelledBy;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected Booking() {
    }

    /** A pending booking of {@code seats} seats for {@code amountTotal}. */
    public Booking(Trip trip, User passenger, int seats, BigDecimal amountTotal, Instant expiresAt) {
        if (seats < 1) {
            throw new IllegalArgumentException("a booking is for at least one seat");
        }
        if (amountTotal.signum() < 0) {
            throw new IllegalArgumentException("the amount cannot be negative");
        }
        this.trip = Objects.requireNonNull(trip);
        this.passenger = Objects.requireNonNull(passenger);
        this.seats = seats;
        this.amountTotal = amountTotal;
        this.expiresAt = expiresAt;
    }

    /** The passenger: a booking is theirs (the trip's driver reaches it through the trip). */
    @Override
    public UUID ownerId() {
        return passenger.getId();
    }

    /** The trip's driver. */
    public UUID driverId() {
        return trip.ownerId();
    }

    /**
     * 409 booking_conflict (details.available, details.requested) unless the trip has {@code seats} free now. Advice
     * for requests, answers and payments; only the conditional update at settlement takes seats.
     */
    static void requireFreeSeats(Trip trip, int seats) {
        if (trip.getSeatsAvailable() < seats) {
            throw new BookingConflictException("Not enough seats available",
                    Map.of("available", trip.getSeatsAvailable(), "requested", seats));
        }
    }

    /** pending → accepted (by the driver, or at once when the trip accepts automatically). */
    public BookingStatus accept() {
        return move(BookingStatus.accepted);
    }

    /** accepted → paid: the seats are taken (by the caller, in SQL) and the QR token is set. */
    public BookingStatus markPaid(String qrToken) {
        BookingStatus from = move(BookingStatus.paid);
        this.qrCode = Objects.requireNonNull(qrToken);
        return from;
    }

    /** The passenger showed the QR code to the driver: only once, only while paid. */
    public void checkIn(Instant at) {
        if (status != BookingStatus.paid) {
            throw new ConflictException("Only a paid booking can be checked in.",
                    Map.of("status", status.name()));
        }
        if (checkedInAt != null) {
            throw new ConflictException("This passenger is already checked in.",
                    Map.of("checked_in_at", checkedInAt.toString()));
        }
        this.checkedInAt = at;
    }

    /** The ride started with this passenger aboard (paid and checked in). */
    public void startRide(Instant at) {
        if (status != BookingStatus.paid || checkedInAt == null) {
            throw new ConflictException(
                    "The ride starts for a paid booking once its passenger is checked in.",
                    Map.of("status", status.name(), "checked_in", checkedInAt != null));
        }
        if (startedAt != null) {
            throw new ConflictException("This ride has already started.",
                    Map.of("started_at", startedAt.toString()));
        }
        this.startedAt = at;
    }

    /** paid → completed, once the ride started. */
    public BookingStatus complete(Instant at) {
        if (startedAt == null) {
            throw new ConflictException("The ride has not started.",
                    Map.of("status", status.name()));
        }
        BookingStatus from = move(BookingStatus.completed);
        this.completedAt = at;
        return from;
    }

    /** pending, accepted or paid → cancelled, with who and why; the booking stays readable. */
    public BookingStatus cancel(CancelledBy by, String reason, Instant at) {
        BookingStatus from = move(BookingStatus.cancelled);
        this.cancelledBy = Objects.requireNonNull(by);
        this.cancelReason = reason;
        this.cancelledAt = at;
        this.expiresAt = null;
        return from;
    }

    private BookingStatus move(BookingStatus target) {
        BookingStatus from = status;
        from.requireTransitionTo(target);
        this.status = target;
        if (target != BookingStatus.pending) {
            this.expiresAt = null;
        }
        return from;
    }

    public Trip getTrip() {
        return trip;
    }

    public User getPassenger() {
        return passenger;
    }

    public int getSeats() {
        return seats;
    }

    public BigDecimal getAmountTotal() {
        return amountTotal;
    }

    public String getCurrency() {
        return currency;
    }

    public BookingStatus getStatus() {
        return status;
    }

    public String getQrCode() {
        return qrCode;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public CancelledBy getCancelledBy() {
        return cancelledBy;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
