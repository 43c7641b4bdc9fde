package com.allocar.promos;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A promo code (stored upper case). {@code usesCount} is incremented by a conditional SQL update, and the
 * database refuses {@code uses_count > max_uses}; {@code @DynamicUpdate} keeps an admin edit from writing a
 * stale count back.
 */
@Entity
@Table(name = "promos")
@DynamicUpdate
public class Promo extends VersionedEntity {
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

    @Column(name = "uses_count", nullable = false)
    private int usesCount;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromoStatus status = PromoStatus.active;

    private String description;

    protected Promo() {
    }

    public Promo(String code, PromoType type, BigDecimal value) {
        this.code = code.trim().toUpperCase(Locale.ROOT);
        this.type = Objects.requireNonNull(type);
        setValue(value);
    }

    public String getCode() {
        return code;
    }

    public PromoType getType() {
        return type;
    }

    public BigDecimal getValue() {
        return value;
    }

    public void setValue(BigDecimal value) {
        if (value.signum() < 0 || type == PromoType.percent && value.compareTo(BigDecimal.valueOf(100)) > 0) {
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
}
