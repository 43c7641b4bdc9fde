package com.allocar.bookings;

import com.allocar.identity.User;
import com.allocar.platform.persistence.VersionedEntity;
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
import java.util.Objects;

/** A passenger's seats on a trip. */
@Entity
@Table(name = "bookings")
public class Booking extends VersionedEntity {
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

    public void setQrCode(String qrCode) {
        this.qrCode = qrCode;
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
