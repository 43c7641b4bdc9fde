package com.allocar.payments;

import com.allocar.bookings.Booking;
import com.allocar.platform.persistence.VersionedEntity;
import com.allocar.platform.security.Owned;
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

/** One payment attempt, for a booking or for a wallet top-up. */
@Entity
@Table(name = "payments")
public class Payment extends VersionedEntity implements Owned {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentPurpose purpose;

    /** Set exactly when the purpose is {@code booking}. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "booking_id", updatable = false)
    private Booking booking;

    /** The payer (users.id). */
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentMethod method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentStatus status = PaymentStatus.init;

    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency = "XOF";

    /**
     * The promo discount on the fare (PROMO-1): the passenger pays {@code amount = fare - discount} and the platform
     * bears the discount; commission, fees and the driver's earning are computed on the fare (docs/promos.md).
     */
    @Column(nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal discount = BigDecimal.ZERO;

    /** The promo redemption behind the discount (promos' row, driven by payments' outcomes). */
    @Column(name = "promo_redemption_id", updatable = false)
    private UUID promoRedemptionId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal fees = BigDecimal.ZERO;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal commission = BigDecimal.ZERO;

    @Column(name = "refunded_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal refundedAmount = BigDecimal.ZERO;

    /**
     * The provider's id of the attempt that paid it, else of its latest attempt (Wave session, Stripe PaymentIntent,
     * MTN reference, Orange order); every attempt is a {@link PaymentAttempt}.
     */
    @Column(name = "provider_ref")
    private String providerRef;

    /** The provider's transaction id once paid. */
    @Column(name = "provider_txn_id")
    private String providerTxnId;


    @Column(name = "failure_reason")
    private String failureReason;


    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    protected Payment() {
    }

    private Payment(PaymentPurpose purpose, Booking booking, UUID userId, PaymentMethod method, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("the amount cannot be negative");
        }
        this.purpose = purpose;
        this.booking = booking;
        this.userId = Objects.requireNonNull(userId);
        this.method = Objects.requireNonNull(method);
        this.amount = amount;
    }

    public static Payment forBooking(Booking booking, UUID payerId, PaymentMethod method, BigDecimal amount) {
        return new Payment(PaymentPurpose.booking, Objects.requireNonNull(booking), payerId, method, amount);
    }

    public static Payment forTopup(UUID userId, PaymentMethod method, BigDecimal amount) {
        if (method == PaymentMethod.wallet) {
            throw new IllegalArgumentException("a wallet is not topped up from itself");
        }
        return new Payment(PaymentPurpose.topup, null, userId, method, amount);
    }

    /**
     * Another success of an attempt of {@code paid}, which is already paid: the money is recorded on a payment of its
     * own (same payer, booking, method and amount) so that it can be refunded in full like any payment.
     */
    public static Payment extraSuccessOf(Payment paid) {
        Payment extra = new Payment(paid.purpose, paid.booking, paid.userId, paid.method, paid.amount);
        extra.discount = paid.discount;
        extra.promoRedemptionId = paid.promoRedemptionId;
        return extra;
    }

    /** A promo's discount on the fare (before the payment is stored): {@code amount} is what is left to pay. */
    public void discounted(BigDecimal discount, UUID redemptionId) {
        if (discount.signum() < 0 || discount.signum() > 0 && redemptionId == null) {
            throw new IllegalArgumentException("a discount is positive and comes from a redemption");
        }
        this.discount = discount;
        this.promoRedemptionId = redemptionId;
    }

    /** What the booking costs before any discount: the base of the commission, fees and the driver's earning. */
    public BigDecimal fare() {
        return amount.add(discount);
    }

    /** The attempt the payer is sent to now, or the one that paid: shown as the payment's provider reference. */
    public void showAttempt(String providerRef) {
        this.providerRef = providerRef;
    }

    /** The provider confirmed the money arrived: paid. From init, authorized or failed (see {@link PaymentStatus}). */
    public void markPaid(String providerTxnId, Instant at) {
        status.requireTransitionTo(PaymentStatus.paid);
        status = PaymentStatus.paid;
        if (providerTxnId != null) {
            this.providerTxnId = providerTxnId;
        }
        this.paidAt = Objects.requireNonNull(at);
        this.failureReason = null;
    }

    /**
     * The platform's take on a booking it sold with this payment, as
     * {@link com.allocar.platform.money.Pricing#commission} computed it: the percent part and the fixed fee.
     */
    public void recordCommission(BigDecimal commission, BigDecimal fees) {
        if (!status.collected()) {
            throw new IllegalStateException("commission on an unpaid payment");
        }
        if (commission.signum() < 0 || fees.signum() < 0 || commission.add(fees).compareTo(fare()) > 0) {
            throw new IllegalArgumentException("the commission and fees are within the fare");
        }
        this.commission = commission;
        this.fees = fees;
    }

    /** The provider (or we) refused the attempt, or it expired; only an open attempt fails. */
    public void markFailed(String reason, Instant at) {
        status.requireTransitionTo(PaymentStatus.failed);
        status = PaymentStatus.failed;
        this.failureReason = reason;
        this.failedAt = Objects.requireNonNull(at);
    }

    /**
     * {@code amount} more was given back (a completed refund): status refunded, full or partial. Never more than
     * what is left.
     */
    public void addRefunded(BigDecimal refunded, Instant at) {
        status.requireTransitionTo(PaymentStatus.refunded);
        BigDecimal total = refundedAmount.add(refunded);
        if (refunded.signum() <= 0 || total.compareTo(amount) > 0) {
            throw new IllegalArgumentException("a refund is more than 0 and at most what is left to refund");
        }
        refundedAmount = total;
        status = PaymentStatus.refunded;
        refundedAt = Objects.requireNonNull(at);
    }

    /** Whether a provider collected this payment (every method but the wallet). */
    public boolean viaProvider() {
        return method != PaymentMethod.wallet;
    }

    @Override
    public UUID ownerId() {
        return userId;
    }

    public PaymentPurpose getPurpose() {
        return purpose;
    }

    public Booking getBooking() {
        return booking;
    }

    public UUID getUserId() {
        return userId;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public PaymentStatus getStatus() {
        return status;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public UUID getPromoRedemptionId() {
        return promoRedemptionId;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getFees() {
        return fees;
    }

    public BigDecimal getCommission() {
        return commission;
    }

    public BigDecimal getRefundedAmount() {
        return refundedAmount;
    }

    public String getProviderRef() {
        return providerRef;
    }

    public String getProviderTxnId() {
        return providerTxnId;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public Instant getRefundedAt() {
        return refundedAt;
    }

    public Instant getFailedAt() {
        return failedAt;
    }
}
