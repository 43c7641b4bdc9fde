package com.allocar.promos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The discount and the refusals of a code, without a server. */
class PromoTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static BigDecimal francs(long value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void anAmountIsTakenOffAndAPercentIsRoundedHalfUpWithinItsCap() {
        assertThat(new Promo("flat", PromoType.amount, francs(2000)).discountFor(francs(6000))).isEqualTo("2000");
        Promo percent = new Promo("pct", PromoType.percent, new BigDecimal("12.5"));
        assertThat(percent.discountFor(francs(6004))).isEqualTo("751"); // 750.5 rounds half up
        percent.setConditions(francs(500), null, false);
        assertThat(percent.discountFor(francs(6000))).isEqualTo("500");
    }

    @Test
    void theMinimumPayableIsAlwaysLeftToPay() {
        assertThat(new Promo("all", PromoType.percent, francs(100)).discountFor(francs(6000))).isEqualTo("5900");
        assertThat(new Promo("big", PromoType.amount, francs(10000)).discountFor(francs(6000))).isEqualTo("5900");
        assertThat(new Promo("tiny", PromoType.amount, francs(500)).discountFor(francs(100))).isEqualTo("0");
    }

    @Test
    void codesAreStoredUpperCase() {
        assertThat(new Promo("  Bienvenue-2026 ", PromoType.amount, francs(1)).getCode()).isEqualTo("BIENVENUE-2026");
    }

    @Test
    void refusalsFollowTheStatusTheWindowAndTheMinimumFare() {
        Promo promo = new Promo("window", PromoType.amount, francs(1000));
        assertThat(promo.refusal(NOW, francs(6000))).isEmpty();
        promo.setWindow(NOW.plusSeconds(1), null);
        assertThat(promo.refusal(NOW, francs(6000))).contains(PromoRefusal.not_started);
        promo.setWindow(NOW.minusSeconds(60), NOW);
        assertThat(promo.refusal(NOW, francs(6000))).as("ends_at is exclusive").contains(PromoRefusal.expired);
        promo.setWindow(null, null);
        promo.setConditions(null, francs(7000), false);
        assertThat(promo.refusal(NOW, francs(6000))).contains(PromoRefusal.min_fare);
        assertThat(promo.refusal(NOW, francs(7000))).isEmpty();
        promo.setStatus(PromoStatus.inactive);
        assertThat(promo.refusal(NOW, francs(7000))).contains(PromoRefusal.unknown);
    }
}
