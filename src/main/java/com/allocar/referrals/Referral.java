package com.allocar.referrals;

import com.allocar.platform.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A referee's sign-up with a referrer's code; a user is referred at most once. */
@Entity
@Table(name = "referrals")
public class Referral extends TimestampedEntity {
    @Column(name = "referrer_id", nullable = false, updatable = false)
    private UUID referrerId;

    @Column(name = "referee_id", nullable = false, updatable = false)
    private UUID refereeId;

    @Column(name = "bonus_referrer", nullable = false, precision = 12, scale = 2)
    private BigDecimal bonusReferrer;

    @Column(name = "bonus_referee", nullable = false, precision = 12, scale = 2)
    private BigDecimal bonusReferee;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReferralStatus status = ReferralStatus.pending;

    @Column(name = "rewarded_at")
    private Instant rewardedAt;

    @Column(name = "rewarded_booking_id")
    private UUID rewardedBookingId;

    @Column(name = "cancel_reason")
    private String cancelReason;

    protected Referral() {
    }

    public Referral(UUID referrerId, UUID refereeId, BigDecimal bonusReferrer, BigDecimal bonusReferee) {
        if (referrerId.equals(refereeId)) {
            throw new IllegalArgumentException("nobody refers themselves");
        }
        if (bonusReferrer.signum() < 0 || bonusReferee.signum() < 0) {
            throw new IllegalArgumentException("bonuses cannot be negative");
        }
        this.referrerId = referrerId;
        this.refereeId = Objects.requireNonNull(refereeId);
        this.bonusReferrer = bonusReferrer;
        this.bonusReferee = bonusReferee;
    }

    public UUID getReferrerId() {
        return referrerId;
    }

    public UUID getRefereeId() {
        return refereeId;
    }

    public BigDecimal getBonusReferrer() {
        return bonusReferrer;
    }

    public BigDecimal getBonusReferee() {
        return bonusReferee;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public Instant getRewardedAt() {
        return rewardedAt;
    }

    public UUID getRewardedBookingId() {
        return rewardedBookingId;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    /** The referee's first ride counted: pending → rewarded (the caller holds the row lock). */
    void reward(UUID bookingId, Instant at) {
        requirePending();
        status = ReferralStatus.rewarded;
        rewardedAt = at;
        rewardedBookingId = bookingId;
    }

    /** Not paid, ever: a fraud check or an admin's decision. */
    void cancel(String reason) {
        requirePending();
        status = ReferralStatus.cancelled;
        cancelReason = Objects.requireNonNull(reason);
    }

    private void requirePending() {
        if (status != ReferralStatus.pending) {
            throw new IllegalStateException("referral " + getId() + " is " + status);
        }
    }
}
