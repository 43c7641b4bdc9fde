package com.allocar.payments;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One completed booking in a payout: the driver's share and the platform's commission. */
@Entity
@Immutable
@Table(name = "payout_items")
public class PayoutItem extends CreatedEntity {
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
}
