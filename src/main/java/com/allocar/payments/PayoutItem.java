package com.allocar.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One completed booking in a payout: the driver's share and the platform's commission. */
@Entity
@Immutable
@Table(name = "payout_items")
public class PayoutItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payout_id", nullable = false)
    private Payout payout;

    /** bookings.id; unique, so that a booking is never paid out twice. */
    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal commission;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PayoutItem() {
    }

    public PayoutItem(Payout payout, UUID bookingId, BigDecimal amount, BigDecimal commission) {
        if (amount.signum() < 0 || commission.signum() < 0) {
            throw new IllegalArgumentException("payout amounts cannot be negative");
        }
        this.payout = Objects.requireNonNull(payout);
        this.bookingId = Objects.requireNonNull(bookingId);
        this.amount = amount;
        this.commission = commission;
    }

    public UUID getId() {
        return id;
    }

    public Payout getPayout() {
        return payout;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getCommission() {
        return commission;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @PrePersist
    void onInsert() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
