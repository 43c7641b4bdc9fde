package com.allocar.wallet;

import com.allocar.platform.persistence.TimestampedEntity;
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

/**
 * A movement of a wallet's balance. {@code amount} is never negative: {@code type} gives the direction.
 * {@code refType}/{@code refId} name the cause (a payment, booking, payout…); {@code idempotencyKey} is unique
 * per wallet, so the same cause cannot be applied twice.
 */
@Entity
@Table(name = "wallet_txns")
public class WalletTxn extends TimestampedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "wallet_id", nullable = false, updatable = false)
    private Wallet wallet;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WalletTxnType type;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WalletTxnSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WalletTxnStatus status;

    /** The wallet's balance once this transaction completed. */
    @Column(name = "balance_after", precision = 12, scale = 2)
    private BigDecimal balanceAfter;

    @Column(name = "ref_type", updatable = false)
    private String refType;

    @Column(name = "ref_id", updatable = false)
    private UUID refId;

    private String description;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    /** Until then this credit counts in the balance but cannot be withdrawn (card top-ups: refunds, chargebacks). */
    @Column(name = "hold_until", updatable = false)
    private Instant holdUntil;

    protected WalletTxn() {
    }

    public WalletTxn(Wallet wallet, WalletTxnType type, WalletTxnSource source, BigDecimal amount,
            WalletTxnStatus status) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a wallet amount is never negative; the type gives the direction");
        }
        this.wallet = Objects.requireNonNull(wallet);
        this.type = Objects.requireNonNull(type);
        this.source = Objects.requireNonNull(source);
        this.amount = amount;
        this.status = Objects.requireNonNull(status);
    }

    /** Names the cause; set before persisting. */
    public WalletTxn withRef(String refType, UUID refId, String idempotencyKey) {
        this.refType = Objects.requireNonNull(refType);
        this.refId = Objects.requireNonNull(refId);
        this.idempotencyKey = idempotencyKey;
        return this;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setHoldUntil(Instant holdUntil) {
        this.holdUntil = holdUntil;
    }

    public void setBalanceAfter(BigDecimal balanceAfter) {
        this.balanceAfter = balanceAfter;
    }

    public Wallet getWallet() {
        return wallet;
    }

    public WalletTxnType getType() {
        return type;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public WalletTxnSource getSource() {
        return source;
    }

    public WalletTxnStatus getStatus() {
        return status;
    }

    public BigDecimal getBalanceAfter() {
        return balanceAfter;
    }

    public String getRefType() {
        return refType;
    }

    public UUID getRefId() {
        return refId;
    }

    public String getDescription() {
        return description;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public Instant getHoldUntil() {
        return holdUntil;
    }
}
