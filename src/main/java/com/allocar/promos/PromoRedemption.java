package com.allocar.promos;

import com.allocar.platform.persistence.CreatedEntity;
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
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A promo applied to a booking; {@code amount} is the discount granted on {@code fare}, fixed when reserved (an admin's
 * later edit of the promo changes nothing here). Its state moves only by conditional SQL updates
 * ({@link PromoRedemptions}), hence read-only here; see {@link RedemptionStatus}.
 */
@Entity
@Immutable
@Table(name = "promo_redemptions")
public class PromoRedemption extends CreatedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "promo_id", nullable = false)
    private Promo promo;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(precision = 12, scale = 2)
    private BigDecimal fare;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RedemptionStatus status = RedemptionStatus.reserved;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "release_reason")
    private String releaseReason;

    protected PromoRedemption() {
    }

    public PromoRedemption(Promo promo, UUID userId, UUID bookingId, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a discount cannot be negative");
        }
        this.promo = Objects.requireNonNull(promo);
        this.userId = Objects.requireNonNull(userId);
        this.bookingId = Objects.requireNonNull(bookingId);
        this.amount = amount;
    }

    public Promo getPromo() {
        return promo;
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getFare() {
        return fare;
    }

    public RedemptionStatus getStatus() {
        return status;
    }

    public Instant getConsumedAt() {
        return consumedAt;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public String getReleaseReason() {
        return releaseReason;
    }
}
