package com.allocar.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
    public record Body(BigDecimal amount, Integer seats, Long version) {
    }

    private static Body read(String json) {
        return Json.JSONB.fromJson(json, Body.class);
    }

    /** The refusal is the catalogue's validation_error, found under JSON-B's own exception by the mapper. */
    private static void assertRefused(ThrowableAssert.ThrowingCallable reading) {
        assertThatThrownBy(reading).hasRootCauseInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) rootOf(e)).details())
                        .containsEntry("reason", "number_out_of_range"));
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void hugeAndTinyExponentsAreRefusedWhileReading() {
        assertRefused(() -> read("{\"amount\": 1e9000000}"));
        assertRefused(() -> read("{\"amount\": 1e-9000000}"));
        assertRefused(() -> read("{\"amount\": \"1e9000000\"}"));
        assertRefused(() -> read("{\"amount\": 1e21}"));
    }

    @Test
    void longRunsOfDigitsAreRefusedWithoutConvertingThem() {
        // Read into a BigDecimal by JSON-B's own code, a 1 MiB number took 16 s of CPU.
        String digits = "9".repeat(1_000);
        assertRefused(() -> read("{\"amount\": " + digits + "}"));
        assertRefused(() -> read("{\"amount\": \"" + digits + "\"}"));
        assertThatThrownBy(() -> read("{\"amount\": " + "9".repeat(1_000_000) + "}"))
                .as("beyond Parsson's own limit: malformed JSON").isInstanceOf(jakarta.json.bind.JsonbException.class);
    }

    @Test
    void integersAreExactNeverWrappedOrTruncated() {
        assertRefused(() -> read("{\"seats\": 4294967297}"));
        assertRefused(() -> read("{\"seats\": 1.9}"));
        assertRefused(() -> read("{\"version\": 18446744073709551617}"));
        assertRefused(() -> read("{\"seats\": true}"));
        assertThat(read("{\"seats\": 2.0, \"version\": 7}")).isEqualTo(new Body(null, 2, 7L));
    }

    @Test
    void ordinaryNumbersAndNullsReadAsBefore() {
        assertThat(read("{\"amount\": 5000, \"seats\": 3, \"version\": 0}"))
                .isEqualTo(new Body(new BigDecimal("5000"), 3, 0L));
        assertThat(read("{\"amount\": \"6000.50\"}").amount()).isEqualByComparingTo("6000.50");
        assertThat(read("{\"amount\": 5e3}").amount()).isEqualByComparingTo("5000");
        assertThat(read("{\"amount\": null, \"seats\": null, \"version\": null}")).isEqualTo(new Body(null, null, null));
        assertThat(JsonNumbers.bounded(new BigDecimal("1E+20"))).isTrue();
        assertThat(JsonNumbers.bounded(new BigDecimal("1E+21"))).isFalse();
        assertThat(JsonNumbers.bounded(new BigDecimal("0.00000000000000000001"))).isTrue();
        assertThat(JsonNumbers.bounded(new BigDecimal("0.000000000000000000001"))).isFalse();
    }
}
