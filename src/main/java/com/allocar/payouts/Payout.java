package com.allocar.payouts;

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
 * Money sent to a driver: the sum of the ledger entries it settled ({@code driver_ledger.payout_id}), fines and
 * reversals netted. {@code amount} is what the driver receives. Written by {@link PayoutPlanner} and
 * {@link PayoutRecords} in SQL (state moves are conditional updates); read here for views.
 */
@Entity
@Table(name = "payouts")
public class Payout extends VersionedEntity {
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

    @Column(name = "processed_at")
    private Instant processedAt;

    @Column(name = "job_instance_id")
    private Long jobInstanceId;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    private String recipient;

    @Column(name = "review_note")
    private String reviewNote;

    @Column(name = "resolved_by")
    private UUID resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

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

    public Long getJobInstanceId() {
        return jobInstanceId;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public UUID getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
