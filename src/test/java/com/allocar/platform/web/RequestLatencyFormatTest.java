package com.allocar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The access log's latency_ms: two decimals, as String.format("%.2f") wrote them. */
class RequestLatencyFormatTest {
    @Test
    void millisecondsWithTwoDecimals() {
        assertThat(RequestContextFilter.milliseconds(0)).isEqualTo("0.00");
        assertThat(RequestContextFilter.milliseconds(4_999)).isEqualTo("0.00");
        assertThat(RequestContextFilter.milliseconds(5_000)).isEqualTo("0.01");
        assertThat(RequestContextFilter.milliseconds(12_345_678)).isEqualTo("12.35");
        assertThat(RequestContextFilter.milliseconds(3_000_000_000L)).isEqualTo("3000.00");
    }

    @Test
    void sameTextAsTheFormatItReplaces() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 10_000; i++) {
            long nanos = (long) (random.nextDouble() * 5_000_000_000L);
            if (nanos % 10_000 == 5_000) {
                continue; // exact halves: double rounding in String.format may go either way
            }
            assertThat(RequestContextFilter.milliseconds(nanos))
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0));
        }
    }
}
