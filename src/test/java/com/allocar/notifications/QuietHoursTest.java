package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId ABIDJAN = ZoneId.of("Africa/Abidjan");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void overnightHoursHoldUntilTheMorning() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ABIDJAN);

        assertThat(night.heldUntil(Instant.parse("2026-03-10T23:30:00Z"))).contains(Instant.parse("2026-03-11T07:00:00Z"));
        assertThat(night.heldUntil(Instant.parse("2026-03-11T03:00:00Z"))).contains(Instant.parse("2026-03-11T07:00:00Z"));
        assertThat(night.heldUntil(Instant.parse("2026-03-10T22:00:00Z"))).contains(Instant.parse("2026-03-11T07:00:00Z"));
        assertThat(night.heldUntil(Instant.parse("2026-03-11T07:00:00Z"))).isEmpty();
        assertThat(night.heldUntil(Instant.parse("2026-03-11T12:00:00Z"))).isEmpty();
        assertThat(night.heldUntil(Instant.parse("2026-03-10T21:59:59Z"))).isEmpty();
    }

    @Test
    void daytimeHoursHoldUntilTheirEndTheSameDay() {
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30), ABIDJAN);

        assertThat(afternoon.heldUntil(Instant.parse("2026-03-10T14:00:00Z")))
                .contains(Instant.parse("2026-03-10T15:30:00Z"));
        assertThat(afternoon.heldUntil(Instant.parse("2026-03-10T16:00:00Z"))).isEmpty();
        assertThat(afternoon.heldUntil(Instant.parse("2026-03-10T12:59:00Z"))).isEmpty();
    }

    @Test
    void theUsersTimeZoneCountsDaylightSavingIncluded() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), PARIS);

        // 22:30 in Paris in winter is 21:30 UTC; 07:00 the next morning is 06:00 UTC
        assertThat(night.heldUntil(Instant.parse("2026-01-15T21:30:00Z"))).contains(Instant.parse("2026-01-16T06:00:00Z"));
        // the night the clocks go forward (29 March 2026): 07:00 CEST is 05:00 UTC
        assertThat(night.heldUntil(Instant.parse("2026-03-28T23:00:00Z"))).contains(Instant.parse("2026-03-29T05:00:00Z"));
        assertThat(night.heldUntil(Instant.parse("2026-01-15T20:30:00Z"))).isEmpty();
    }

    @Test
    void startAndEndMustDiffer() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, ABIDJAN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
