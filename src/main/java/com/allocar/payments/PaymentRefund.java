package com.allocar.payments;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.persistence.VersionedEntity;
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
 * Money given back on a payment (PAY-5, CXL): to the wallet at once, or by a provider refund sent after the
 * commit of its cause and retried until the provider answers. The payment's {@code refunded_amount} is always the
 * sum of its completed refunds.
 */
@Entity
@Table(name = "payment_refunds")
public class PaymentRefund extends VersionedEntity {
    @Column(name = "payment_id", nullable = false, updatable = false)
    private UUID paymentId;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundRoute route;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status = RefundStatus.pending;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "provider_refund_id")
    private String providerRefundId;

    /** Sends to the provider so far (kept by the sender's claim, in SQL). */
    @Column(nullable = false, insertable = false, updatable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_attempt_at", insertable = false, updatable = false)
    private Instant lastAttemptAt;

    @Column(name = "wallet_txn_id")
    private UUID walletTxnId;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false, updatable = false)
    private ActorType actorType;

    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    /** Finance's decision on a refund in needs_review. */
    @Embedded
    private Resolution resolution;

    protected PaymentRefund() {
    }

    public PaymentRefund(UUID paymentId, BigDecimal amount, RefundRoute route, String reason, ActorType actorType,
                         UUID actorId) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a refund is more than 0");
        }
        this.paymentId = Objects.requireNonNull(paymentId);
        this.amount = amount;
        this.route = Objects.requireNonNull(route);
        this.reason = Objects.requireNonNull(reason);
        this.actorType = Objects.requireNonNull(actorType);
        this.actorId = actorId;
    }

    /** Credited to the wallet (the route becomes WALLET when a provider could not refund it). */
    public void completeToWallet(UUID walletTxnId, Instant at) {
        requirePending();
        this.route = RefundRoute.WALLET;
        this.walletTxnId = Objects.requireNonNull(walletTxnId);
        this.status = RefundStatus.completed;
        this.completedAt = at;
    }

    /** The provider refunded it (its word also settles a refund in needs_review). */
    public void completeByProvider(String providerRefundId, Instant at) {
        if (status != RefundStatus.needs_review) {
            requirePending();
        }
        if (providerRefundId != null) {
            this.providerRefundId = providerRefundId;
        }
        this.status = RefundStatus.completed;
        this.completedAt = at;
    }

    /** The provider accepted it and finishes later (its webhook or the next retry completes it). */
    public void acceptedByProvider(String providerRefundId) {
        requirePending();
        if (providerRefundId != null) {
            this.providerRefundId = providerRefundId;
        }
        this.lastError = null;
    }

    /** The provider could not be reached: stays pending, retried later. */
    public void sendFailed(String error) {
        requirePending();
        this.lastError = error;
    }

    /** The provider refused it for good. */
    public void fail(String error) {
        requirePending();
        this.status = RefundStatus.failed;
        this.lastError = error;
    }

    /** The provider may have refunded it: finance checks and resolves it. */
    public void review(String error) {
        requirePending();
        this.status = RefundStatus.needs_review;
        this.lastError = error;
    }

    /** No provider can refund it and the wallet is off: finance pays it out (MANUAL, needs_review). */
    public void toManual(String why) {
        requirePending();
        this.route = RefundRoute.MANUAL;
        this.status = RefundStatus.needs_review;
        this.lastError = why;
    }

    /** Finance's decision on a refund in needs_review: paid (completed) or not (failed: refundable again). */
    public void resolve(boolean paid, UUID adminId, String note, Instant at) {
        if (status != RefundStatus.needs_review) {
            throw new com.allocar.platform.errors.ConflictException("Only a refund in needs_review can be resolved.",
                    java.util.Map.of("from", status.name(), "to", paid ? "completed" : "failed"));
        }
        this.status = paid ? RefundStatus.completed : RefundStatus.failed;
        this.completedAt = paid ? at : null;
        this.resolution = new Resolution(adminId, at, note);
    }

    private void requirePending() {
        if (status != RefundStatus.pending) {
            throw new IllegalStateException("refund " + getId() + " is " + status);
        }
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public RefundRoute getRoute() {
        return route;
    }

    public RefundStatus getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getProviderRefundId() {
        return providerRefundId;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public UUID getWalletTxnId() {
        return walletTxnId;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public UUID getActorId() {
        return actorId;
    }

    public Resolution getResolution() {
        return resolution;
    }
}
