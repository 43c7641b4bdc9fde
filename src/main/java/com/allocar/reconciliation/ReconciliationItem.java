package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.persistence.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One difference found by a run (read-only here: {@link ReconciliationRuns#record} inserts them). */
@Entity
@Table(name = "reconciliation_items")
public class ReconciliationItem extends IdentifiedEntity {
    @Column(name = "run_id", nullable = false, insertable = false, updatable = false)
    private UUID runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private DifferenceKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", nullable = false, insertable = false, updatable = false)
    private RecordType recordType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, insertable = false, updatable = false)
    private PaymentProvider provider;

    @Column(name = "item_key", nullable = false, insertable = false, updatable = false)
    private String itemKey;

    @Column(name = "payment_id", insertable = false, updatable = false)
    private UUID paymentId;

    @Column(name = "attempt_id", insertable = false, updatable = false)
    private UUID attemptId;

    @Column(name = "refund_id", insertable = false, updatable = false)
    private UUID refundId;

    @Column(name = "payout_id", insertable = false, updatable = false)
    private UUID payoutId;

    @Column(name = "withdrawal_id", insertable = false, updatable = false)
    private UUID withdrawalId;

    @Column(name = "our_ref", insertable = false, updatable = false)
    private String ourRef;

    @Column(name = "provider_ref", insertable = false, updatable = false)
    private String providerRef;

    @Column(name = "our_amount", precision = 12, scale = 2, insertable = false, updatable = false)
    private BigDecimal ourAmount;

    @Column(name = "our_status", insertable = false, updatable = false)
    private String ourStatus;

    @Column(name = "provider_amount", precision = 12, scale = 2, insertable = false, updatable = false)
    private BigDecimal providerAmount;

    @Column(name = "provider_status", insertable = false, updatable = false)
    private String providerStatus;

    @Column(nullable = false, insertable = false, updatable = false)
    private boolean repaired;

    @Column(nullable = false, insertable = false, updatable = false)
    private String action;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected ReconciliationItem() {
    }

    public UUID getRunId() {
        return runId;
    }

    public DifferenceKind getKind() {
        return kind;
    }

    public RecordType getRecordType() {
        return recordType;
    }

    public PaymentProvider getProvider() {
        return provider;
    }

    public String getItemKey() {
        return itemKey;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public UUID getAttemptId() {
        return attemptId;
    }

    public UUID getRefundId() {
        return refundId;
    }

    public UUID getPayoutId() {
        return payoutId;
    }

    public UUID getWithdrawalId() {
        return withdrawalId;
    }

    public String getOurRef() {
        return ourRef;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public BigDecimal getOurAmount() {
        return ourAmount;
    }

    public String getOurStatus() {
        return ourStatus;
    }

    public BigDecimal getProviderAmount() {
        return providerAmount;
    }

    public String getProviderStatus() {
        return providerStatus;
    }

    public boolean isRepaired() {
        return repaired;
    }

    public String getAction() {
        return action;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
