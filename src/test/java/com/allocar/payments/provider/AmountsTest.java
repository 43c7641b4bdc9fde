package com.allocar.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one parser of providers' amounts: plain decimals only, bounded before any conversion. */
class AmountsTest {

    @Test
    void plainAmountsAreWholeFrancsWhenTheyCanBe() {
        assertThat(Amounts.parse("5000")).isEqualTo(new BigDecimal("5000"));
        assertThat(Amounts.parse(" 5000.00 ")).isEqualTo(new BigDecimal("5000"));
        assertThat(Amounts.parse("5000.5")).isEqualTo(new BigDecimal("5000.5"));
        assertThat(Amounts.parse("-150")).isEqualTo(new BigDecimal("-150"));
        assertThat(Amounts.parse("999999999999999.999999")).isEqualByComparingTo("999999999999999.999999");
        assertThat(Amounts.parse(null)).isNull();
        assertThat(Amounts.parse("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e9000000", "1E+9000000", "1e-9000000", "5e3", "1000000000000000", "1.0000001", "x",
            "0x10", "+5000", "5 000", "5000.", ".5", "NaN", "Infinity", "١٢٣"})
    void anythingElseIsNoAmount(String text) {
        assertThat(Amounts.parse(text)).isNull();
    }

    @Test
    void aHugeTextIsRefusedByItsLengthAlone() {
        assertThat(Amounts.parse("9".repeat(1_000_000))).isNull();
    }

    @Test
    void jsonNumbersWithExtremeExponentsAreReadWithoutExpandingThem() {
        JsonObject body = JsonFields.parseOrNull("{\"amount\": 1e9000000, \"tiny\": 1e-9000000, \"fine\": 5000, "
                + "\"cents\": 5000.00, \"text\": \"7000\"}");
        assertThat(JsonFields.amount(body, "amount")).isNull();
        assertThat(JsonFields.amount(body, "tiny")).isNull();
        assertThat(JsonFields.string(body, "amount")).isEqualTo("1E+9000000");
        assertThat(JsonFields.string(body, "tiny")).isEqualTo("1E-9000000");
        assertThat(JsonFields.amount(body, "fine")).isEqualTo(new BigDecimal("5000"));
        assertThat(JsonFields.amount(body, "cents")).isEqualTo(new BigDecimal("5000"));
        assertThat(JsonFields.amount(body, "text")).isEqualTo(new BigDecimal("7000"));
    }
}
