package com.allocar.wallet;

import com.allocar.platform.persistence.TimestampedEntity;
import com.allocar.platform.persistence.Resolution;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a reversed top-up (refunded or charged back at the provider) could not take back from the wallet because
 * the credit was already spent: the balance never goes negative, so the rest is owed here. While a debt is open
 * the wallet pays nothing out; finance resolves it.
 */
@Entity
@Table(name = "wallet_debts")
public class WalletDebt extends TimestampedEntity {
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    /** The top-up payment that was reversed. */
    @Column(name = "payment_id", nullable = false, updatable = false)
    private UUID paymentId;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    /** {@code topup_refunded} or {@code topup_disputed}. */
    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "cause_key", nullable = false, updatable = false)
    private String causeKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WalletDebtStatus status = WalletDebtStatus.open;

    @Embedded
    private Resolution resolution;

    protected WalletDebt() {
    }

    WalletDebt(UUID userId, UUID paymentId, BigDecimal amount, String reason, String causeKey) {
        this.userId = Objects.requireNonNull(userId);
        this.paymentId = Objects.requireNonNull(paymentId);
        this.amount = Objects.requireNonNull(amount);
        this.reason = Objects.requireNonNull(reason);
        this.causeKey = Objects.requireNonNull(causeKey);
    }

    /** Finance's decision: open → recovered | written_off, once. */
    void resolve(WalletDebtStatus outcome, UUID adminId, String note, Instant at) {
        if (status != WalletDebtStatus.open || outcome == WalletDebtStatus.open) {
            throw new com.allocar.platform.errors.ConflictException("Only an open debt can be resolved.",
                    Map.of("from", status.name(), "to", outcome.name()));
        }
        this.status = outcome;
        this.resolution = new Resolution(adminId, at, note);
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getReason() {
        return reason;
    }

    public WalletDebtStatus getStatus() {
        return status;
    }

    public Resolution getResolution() {
        return resolution;
    }
}
