package com.allocar.promos;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A promo code (stored upper case) and its rules (PROMO-1, docs/promos.md). {@code usesCount} is changed only by
 * conditional SQL updates (reserved and consumed redemptions count), and the database refuses
 * {@code uses_count > max_uses}; {@code @DynamicUpdate} keeps an admin edit from writing a stale count back.
 */
@Entity
@Table(name = "promos")
@DynamicUpdate
public class Promo extends VersionedEntity {
    /** Whatever the discount, the passenger pays at least this (no zero-amount payment, no provider call for 0). */
    public static final BigDecimal MIN_PAYABLE = BigDecimal.valueOf(100);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromoType type;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal value;

    /** Null: unlimited. */
    @Column(name = "max_uses")
    private Integer maxUses;

    /** Null: unlimited. */
    @Column(name = "per_user_limit")
    private Integer perUserLimit;

    @Column(name = "uses_count", nullable = false, insertable = false, updatable = false)
    private int usesCount;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromoStatus status = PromoStatus.active;

    private String description;

    /** A percent discount's cap in XOF; null: none. */
    @Column(name = "max_discount", precision = 12, scale = 2)
    private BigDecimal maxDiscount;

    /** The smallest fare the code applies to; null: any. */
    @Column(name = "min_fare", precision = 12, scale = 2)
    private BigDecimal minFare;

    @Column(name = "first_ride_only", nullable = false)
    private boolean firstRideOnly;

    protected Promo() {
    }

    public Promo(String code, PromoType type, BigDecimal value) {
        this.code = normalize(code);
        this.type = Objects.requireNonNull(type);
        setValue(value);
    }

    /** Codes are case-insensitive on input and stored upper case. */
    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Why the code does not apply at {@code now} to a fare, before counting uses; empty when it does. */
    public Optional<PromoRefusal> refusal(Instant now, BigDecimal fare) {
        if (status != PromoStatus.active) {
            return Optional.of(PromoRefusal.unknown);
        }
        if (startsAt != null && now.isBefore(startsAt)) {
            return Optional.of(PromoRefusal.not_started);
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return Optional.of(PromoRefusal.expired);
        }
        if (minFare != null && fare.compareTo(minFare) < 0 || discountFor(fare).signum() <= 0) {
            return Optional.of(PromoRefusal.min_fare);
        }
        return Optional.empty();
    }

    /**
     * The discount on {@code fare}, whole francs: the amount, or the percent (half up) within its cap; never so much
     * that less than {@link #MIN_PAYABLE} is left to pay.
     */
    public BigDecimal discountFor(BigDecimal fare) {
        BigDecimal discount = type == PromoType.amount ? value
                : fare.multiply(value).divide(HUNDRED, 0, RoundingMode.HALF_UP);
        if (type == PromoType.percent && maxDiscount != null) {
            discount = discount.min(maxDiscount);
        }
        BigDecimal most = fare.subtract(MIN_PAYABLE).max(BigDecimal.ZERO);
        return discount.min(most).setScale(0, RoundingMode.HALF_UP);
    }

    public String getCode() {
        return code;
    }

    /** A new code text; the caller checks that no redemption refers to the old one. */
    public void rename(String code) {
        this.code = normalize(code);
    }

    public PromoType getType() {
        return type;
    }

    public void setType(PromoType type) {
        this.type = Objects.requireNonNull(type);
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        if (value.signum() < 0 || type == PromoType.percent && value.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a promo value is between 0 and the price (or 100 %)");
        }
        this.value = value;
    }

    public Integer getMaxUses() {
        return maxUses;
    }

    public Integer getPerUserLimit() {
        return perUserLimit;
    }

    public void setLimits(Integer maxUses, Integer perUserLimit) {
        this.maxUses = maxUses;
        this.perUserLimit = perUserLimit;
    }

    public int getUsesCount() {
        return usesCount;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public void setWindow(Instant startsAt, Instant endsAt) {
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a promo ends after it starts");
        }
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public PromoStatus getStatus() {
        return status;
    }

    public void setStatus(PromoStatus status) {
        this.status = Objects.requireNonNull(status);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getMaxDiscount() {
        return maxDiscount;
    }

    public BigDecimal getMinFare() {
        return minFare;
    }

    public boolean isFirstRideOnly() {
        return firstRideOnly;
    }

    public void setConditions(BigDecimal maxDiscount, BigDecimal minFare, boolean firstRideOnly) {
        this.maxDiscount = maxDiscount;
        this.minFare = minFare;
        this.firstRideOnly = firstRideOnly;
    }
}
