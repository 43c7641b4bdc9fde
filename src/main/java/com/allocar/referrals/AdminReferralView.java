package com.allocar.referrals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A referral for the back office: the parties' view plus how it ended. */
public record AdminReferralView(UUID id, ReferralStatus status, ReferralView.Party referrer, ReferralView.Party referee,
                                BigDecimal bonusReferrer, BigDecimal bonusReferee, Instant createdAt,
                                Instant rewardedAt, UUID rewardedBookingId, String cancelReason) {
    static AdminReferralView of(ReferralView view, Referral referral) {
        return new AdminReferralView(view.id(), view.status(), view.referrer(), view.referee(), view.bonusReferrer(),
                view.bonusReferee(), view.createdAt(), view.rewardedAt(), referral.getRewardedBookingId(),
                referral.getCancelReason());
    }
}
