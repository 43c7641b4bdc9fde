package com.allocar.promos;

/**
 * Why a code does not apply ({@code promo_invalid}, details.reason). An unknown and an inactive code answer alike, so
 * that trying codes tells nothing about which exist.
 */
public enum PromoRefusal {
    unknown("This promo code does not exist or is no longer active."),
    not_started("This promo code is not valid yet."),
    expired("This promo code has expired."),
    min_fare("This booking's fare is below this promo code's minimum."),
    not_first_ride("This promo code is for a first ride only."),
    exhausted("This promo code has been used up."),
    per_user_limit("You have used this promo code as many times as it allows.");

    private final String message;

    PromoRefusal(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
