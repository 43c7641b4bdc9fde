package com.allocar.referrals;

/** pending until the referee's first completed trip, then rewarded; or cancelled. */
public enum ReferralStatus {
    pending, rewarded, cancelled
}
