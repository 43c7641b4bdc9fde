package com.allocar.payments;

import com.allocar.platform.persistence.VersionedEntity;
import com.allocar.wallet.PayoutProvider;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a driver is owed for the completed bookings of a period (one {@link PayoutItem} per booking, and a
 * booking is in at most one payout). {@code amount} is the net sent to the driver.
 */
@Entity
@Table(name = "payouts")
public class Payout extends VersionedEntity {
    /** users.id of the driver. */
    @Column(name = "driver_id", nullable = false, updatable = false)
    private UUID driverId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal fees = BigDecimal.ZERO;

    @Column(nullable = false)
    private String currency = "XOF";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PayoutStatus status = PayoutStatus.scheduled;

    @Enumerated(EnumType.STRING)
    private PayoutProvider provider;

    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "period_start", nullable = false, updatable = false)
    private Instant periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private Instant periodEnd;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "failure_reason")
    private String failureReason;

    /** When the transfer ended, done or failed. */
    @Column(name = "processed_at")
    private Instant processedAt;

    protected Payout() {
    }

    public Payout(UUID driverId, BigDecimal amount, BigDecimal fees, PayoutProvider provider, Instant periodStart,
            Instant periodEnd) {
        if (amount.signum() < 0 || fees.signum() < 0) {
            throw new IllegalArgumentException("payout amounts cannot be negative");
        }
        if (!periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("the period ends after it starts");
        }
        this.driverId = Objects.requireNonNull(driverId);
        this.amount = amount;
        this.fees = fees;
        this.provider = provider;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    public UUID getDriverId() {
        return driverId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getFees() {
        return fees;
    }

    public String getCurrency() {
        return currency;
    }

    public PayoutStatus getStatus() {
        return status;
    }

    public PayoutProvider getProvider() {
        return provider;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    public Instant getPeriodEnd() {
        return periodEnd;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }
}
