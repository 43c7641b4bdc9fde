package com.allocar.payments;

import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One attempt of a payment at its provider: what we sent as our reference (this row's id; the payment's id for its
 * first attempt) and what the provider gave back (its reference, Orange's tokens, the payer's URL). Every attempt is
 * kept, so a payer who completes an earlier one is recognised; rows are made by
 * {@link PaymentRepository#newAttempt} under the payment's lock.
 */
@Entity
@Table(name = "payment_attempts")
public class PaymentAttempt extends VersionedEntity {
    @Column(name = "payment_id", nullable = false)
    private UUID paymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentProvider provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptStatus status = AttemptStatus.opening;

    /** The provider's id: Wave session, Orange order_id, MTN X-Reference-Id, Stripe PaymentIntent. */
    @Column(name = "provider_ref")
    private String providerRef;

    @Column(name = "provider_txn_id")
    private String providerTxnId;

    @Column(name = "checkout_url")
    private String checkoutUrl;

    /** Orange Money: every status look-up needs it. */
    @Column(name = "pay_token")
    private String payToken;

    /** Orange Money: a notification about this attempt is genuine only when it carries this token. */
    @Column(name = "notif_token")
    private String notifToken;

    /** What the app needs to resume the attempt, without secrets (Stripe's client secret is never stored). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "app_data")
    private String appData;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** While opening: an init calls the provider until then (written by the repository's statements only). */
    @Column(name = "opening_until", insertable = false, updatable = false)
    private Instant openingUntil;

    @Column(name = "failure_reason")
    private String failureReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_payload")
    private String rawPayload;

    protected PaymentAttempt() {
    }

    /** An attempt not yet stored (rows are inserted by {@link PaymentRepository#newAttempt}, which picks the id). */
    PaymentAttempt(UUID paymentId, PaymentProvider provider) {
        this.paymentId = Objects.requireNonNull(paymentId);
        this.provider = Objects.requireNonNull(provider);
    }

    /** What the provider answered when the attempt was opened: it becomes open (unless a webhook was faster). */
    public void opened(Checkout checkout, String appDataJson) {
        providerRef = checkout.providerRef();
        checkoutUrl = checkout.redirectUrl();
        payToken = checkout.payToken();
        notifToken = checkout.notifToken();
        expiresAt = checkout.expiresAt();
        appData = appDataJson;
        rawPayload = checkout.raw();
        if (status == AttemptStatus.opening) {
            status = AttemptStatus.open;
        }
    }

    /** A newer attempt replaces this one for the payer; a success of this one is still accepted. */
    public void supersede() {
        status.requireTransitionTo(AttemptStatus.superseded);
        status = AttemptStatus.superseded;
    }

    public void succeeded(String txnId) {
        status.requireTransitionTo(AttemptStatus.succeeded);
        status = AttemptStatus.succeeded;
        if (txnId != null) {
            providerTxnId = txnId;
        }
        failureReason = null;
    }

    /** Failed for good at the provider; false when it already succeeded or failed (nothing changes). */
    public boolean fail(String reason) {
        if (!status.canMoveTo(AttemptStatus.failed)) {
            return false;
        }
        status = AttemptStatus.failed;
        failureReason = reason;
        return true;
    }

    /** A verified success we could not apply (amount or currency not ours): for finance. */
    public void needsReview(String why) {
        status.requireTransitionTo(AttemptStatus.needs_review);
        status = AttemptStatus.needs_review;
        failureReason = why;
    }

    /** The payment an attempt's money is recorded on (an extra success gets a payment of its own, to refund). */
    void moveTo(UUID otherPaymentId) {
        paymentId = Objects.requireNonNull(otherPaymentId);
    }

    public void setRawPayload(String rawPayloadJson) {
        this.rawPayload = rawPayloadJson;
    }

    /** What a provider needs to look this attempt up, refund or cancel it; null before the provider answered. */
    public ProviderPaymentRef ref(Payment payment) {
        return providerRef == null ? null
                : new ProviderPaymentRef(getId(), providerRef, payment.getAmount(), payment.getCurrency(), payToken);
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public PaymentProvider getProvider() {
        return provider;
    }

    public AttemptStatus getStatus() {
        return status;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getProviderTxnId() {
        return providerTxnId;
    }

    public String getCheckoutUrl() {
        return checkoutUrl;
    }

    public String getPayToken() {
        return payToken;
    }

    public String getNotifToken() {
        return notifToken;
    }

    public String getAppData() {
        return appData;
    }

    public Instant getOpeningUntil() {
        return openingUntil;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getFailureReason() {
        return failureReason;
    }
}
