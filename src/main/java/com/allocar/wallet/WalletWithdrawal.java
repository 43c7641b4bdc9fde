package com.allocar.wallet;

import com.allocar.platform.persistence.TimestampedEntity;
import com.allocar.platform.security.Owned;
import com.allocar.platform.persistence.Resolution;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Money a user takes out of the wallet to a mobile-money account. The wallet is debited when the withdrawal is
 * requested (same transaction as this row); the payout is sent after the commit. Its id is the payout's
 * idempotency key at the provider. State changes after creation are conditional updates in
 * {@link WithdrawalRecords} (several senders may race), so this entity has no setters for them.
 */
@Entity
@Table(name = "wallet_withdrawals")
public class WalletWithdrawal extends TimestampedEntity implements Owned {
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "wallet_txn_id")
    private UUID walletTxnId;

    @Column(name = "return_txn_id")
    private UUID returnTxnId;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false, updatable = false)
    private String currency = "XOF";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PayoutProvider method;

    /** E.164. */
    @Column(nullable = false, updatable = false)
    private String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WithdrawalStatus status = WithdrawalStatus.requested;

    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** Finance's resolution of a withdrawal in needs_review (written by {@link WithdrawalRecords#resolve}). */
    @Embedded
    private Resolution resolution;

    protected WalletWithdrawal() {
    }

    /** A new withdrawal, due to be sent at once. */
    public WalletWithdrawal(UUID userId, BigDecimal amount, PayoutProvider method, String phone) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a withdrawal is more than zero");
        }
        this.userId = Objects.requireNonNull(userId);
        this.amount = amount;
        this.method = Objects.requireNonNull(method);
        this.phone = Objects.requireNonNull(phone);
        this.nextAttemptAt = Instant.now();
    }

    /** Links the debit that paid for it (made right after the row, in the same transaction). */
    void debitedBy(UUID txnId) {
        this.walletTxnId = Objects.requireNonNull(txnId);
    }

    @Override
    public UUID ownerId() {
        return userId;
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getWalletTxnId() {
        return walletTxnId;
    }

    public UUID getReturnTxnId() {
        return returnTxnId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public PayoutProvider getMethod() {
        return method;
    }

    public String getPhone() {
        return phone;
    }

    public WithdrawalStatus getStatus() {
        return status;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Resolution getResolution() {
        return resolution;
    }
}
