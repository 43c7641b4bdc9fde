package com.allocar.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WalletPeriodTest {
    private static final Instant NOW = Instant.parse("2026-11-15T09:30:00Z");

    @Test
    void lastDaysEndNow() {
        assertThat(WalletPeriod.parse("7d", NOW)).isEqualTo(new WalletPeriod(NOW.minus(Duration.ofDays(7)), null));
        assertThat(WalletPeriod.parse("1d", NOW).from()).isEqualTo(Instant.parse("2026-11-14T09:30:00Z"));
        assertThat(WalletPeriod.parse("366d", NOW).from()).isEqualTo(NOW.minus(Duration.ofDays(366)));
        assertThat(WalletPeriod.parse(" 30d ", NOW).from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void aMonthIsItsCalendarMonthInUtc() {
        assertThat(WalletPeriod.parse("2026-02", NOW)).isEqualTo(new WalletPeriod(
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(WalletPeriod.parse("2025-12", NOW).to()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aDayAndARangeOfDaysIncludeTheirLastDay() {
        assertThat(WalletPeriod.parse("2024-02-29", NOW)).isEqualTo(new WalletPeriod(
                Instant.parse("2024-02-29T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")));
        assertThat(WalletPeriod.parse("2026-01-30..2026-02-02", NOW)).isEqualTo(new WalletPeriod(
                Instant.parse("2026-01-30T00:00:00Z"), Instant.parse("2026-02-03T00:00:00Z")));
        assertThat(WalletPeriod.parse("2026-03-01..2026-03-01", NOW)).isEqualTo(WalletPeriod.parse("2026-03-01", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "0d", "367d", "1000d", "-7d", "7", "7days", "2026-13", "2026-00", "2026-1",
            "2025-02-29", "2026-04-31", "2026-03-02..2026-03-01", "2026-03-01..", "..2026-03-01",
            "2026-03..2026-04", "last week", "2026-03-01T00:00:00Z"})
    void anythingElseIsAValidationErrorOnPeriod(String text) {
        assertThatThrownBy(() -> WalletPeriod.parse(text, NOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(((Map<?, ?>) e.details().get("fields")).containsKey("period")).isTrue());
    }

    @Test
    void noPeriodIsNoFilter() {
        assertThat(WalletPeriod.optional(null, NOW)).isEmpty();
        assertThat(WalletPeriod.optional("7d", NOW)).isPresent();
    }
}
