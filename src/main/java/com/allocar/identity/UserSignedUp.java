package com.allocar.identity;

import java.util.UUID;

/**
 * A new account, fired inside the sign-up's transaction (an observer that throws refuses the sign-up). Carries the
 * referral code the user gave, or null; referrals, above identity, records the referral.
 */
public record UserSignedUp(UUID userId, String referralCode, String deviceId) {
}
