package com.allocar.referrals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A referral as its parties see it: who referred whom (first name and initial only), the bonuses and the outcome. */
public record ReferralView(UUID id, ReferralStatus status, Party referrer, Party referee, BigDecimal bonusReferrer,
                           BigDecimal bonusReferee, Instant createdAt, Instant rewardedAt) {

    /** One side of a referral, as much of them as the other side may see. */
    public record Party(UUID id, String displayName) {
        static Party of(UUID id, String firstName, String lastName) {
            return new Party(id, ReferralView.displayName(firstName, lastName));
        }
    }

    /** "Awa K." — never a phone number or an address. */
    static String displayName(String firstName, String lastName) {
        if (firstName == null || firstName.isBlank()) {
            return null;
        }
        return lastName == null || lastName.isBlank() ? firstName : firstName + " " + lastName.charAt(0) + ".";
    }
}
