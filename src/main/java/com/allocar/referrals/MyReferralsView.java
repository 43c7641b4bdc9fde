package com.allocar.referrals;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /me/referrals}: what a user shares, who referred them, and what their referrals brought. */
public record MyReferralsView(
        @Schema(description = "The code to share; friends enter it at sign-up or with POST /referrals/use") String code,
        @Schema(description = "The referral that brought this user, or null") ReferralView referredBy,
        @Schema(description = "Friends referred whose first ride is still to come") long pending,
        @Schema(description = "Friends referred whose first ride paid the bonus") long rewarded,
        @Schema(description = "Francs earned from referrals") BigDecimal earned,
        @Schema(description = "What a referral pays the referrer now (referrals.bonus_referrer)") BigDecimal bonusReferrer,
        @Schema(description = "What it pays the new user now (referrals.bonus_referee)") BigDecimal bonusReferee,
        @Schema(description = "Until when this user may still enter a code; null when they cannot (any more)")
        Instant canEnterCodeUntil) {
}
