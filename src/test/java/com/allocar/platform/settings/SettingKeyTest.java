package com.allocar.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.json.JsonNumbers;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingKeyTest {

    @Test
    void everyDefaultFitsItsOwnTypeAndRule() {
        Set<String> keys = new HashSet<>();
        for (SettingKey key : SettingKey.values()) {
            assertThat(key.problem(key.defaultValue())).as(key.key()).isEmpty();
            assertThat(key.key()).matches("^[a-z][a-z0-9_.]*$");
            assertThat(keys.add(key.key())).as("unique " + key.key()).isTrue();
        }
        assertThat(SettingKey.REQUIRE_KYC_FOR_DRIVER.defaultValue()).isEqualTo(JsonValue.TRUE);
        assertThat(SettingKey.BOOKING_PENDING_EXPIRY_HOURS.defaultValue().toString()).isEqualTo("3");
        assertThat(SettingKey.MAX_UNPAID_BOOKINGS_PER_24H.defaultValue().toString()).isEqualTo("5");
    }

    @Test
    void typesAndRulesAreChecked() {
        assertThat(SettingKey.PAYOUT_MINIMUM.problem(SettingKey.parse("\"5000\""))).contains("must be a whole number");
        assertThat(SettingKey.PAYOUT_MINIMUM.problem(SettingKey.parse("5000.5"))).contains("must be a whole number");
        assertThat(SettingKey.PAYOUT_MINIMUM.problem(SettingKey.parse("-1"))).contains("must be 0 or more");
        assertThat(SettingKey.PLATFORM_FEE_PERCENT.problem(SettingKey.parse("12.5"))).isEmpty();
        assertThat(SettingKey.PLATFORM_FEE_PERCENT.problem(SettingKey.parse("100.1"))).isPresent();
        assertThat(SettingKey.BOOKING_PENDING_EXPIRY_HOURS.problem(SettingKey.parse("0"))).contains("must be 1 or more");
        assertThat(SettingKey.ENABLE_WALLET.problem(SettingKey.parse("\"true\""))).contains("must be true or false");
        assertThat(SettingKey.ENABLE_WALLET.problem(JsonValue.NULL)).isPresent();
        assertThat(SettingKey.NOTIFICATION_TEMPLATES.problem(SettingKey.parse("{\"a\": 1}"))).isPresent();
        assertThat(SettingKey.of("pricing.axes")).contains(SettingKey.PRICE_AXES);
        assertThat(SettingKey.of("nope")).isEmpty();
    }

    @Test
    void jobSchedulesAreCronExpressionsThatFire() {
        assertThat(SettingKey.JOBS_PAYOUTS_CRON.problem(SettingKey.parse("\"0 30 5 * * MON-FRI\""))).isEmpty();
        assertThat(SettingKey.JOBS_CLEANUP_CRON.problem(SettingKey.parse("\"*/10 * * * *\""))).isEmpty();
        assertThat(SettingKey.JOBS_PAYOUTS_CRON.problem(SettingKey.parse("\"every day\""))).isPresent();
        assertThat(SettingKey.JOBS_PAYOUTS_CRON.problem(SettingKey.parse("\"0 61 * * * *\""))).isPresent();
        assertThat(SettingKey.JOBS_PAYOUTS_CRON.problem(SettingKey.parse("\"0 0 0 31 2 *\""))).isPresent();
        assertThat(SettingKey.JOBS_PAYOUTS_CRON.problem(SettingKey.parse("\"\""))).isPresent();
        assertThat(SettingKey.JOBS_PAYOUTS_CRON.problem(SettingKey.parse("6"))).contains("must be a JSON string");
    }

    @Test
    void numbersOutOfTheApiBoundsAreRefusedBeforeAnyRule() {
        // Each passed its rule (a percent of 0..100, an amount of at most 1e9) and then cost seconds per computation.
        assertThat(SettingKey.PLATFORM_FEE_PERCENT.problem(SettingKey.parse("1e-9000000")))
                .contains(JsonNumbers.bounds());
        assertThat(SettingKey.PAYOUT_MINIMUM.problem(SettingKey.parse("1e-9000000"))).isPresent();
        assertThat(SettingKey.PRICE_AXES.problem(SettingKey.parse("[{\"name\": \"x\", \"ends\": [{\"lat\": 5, "
                + "\"lon\": -4}, {\"lat\": 7, \"lon\": -5}], \"radius_km\": 20, \"floor\": 1e9000000, "
                + "\"ceiling\": 1e9000001}]"))).contains(JsonNumbers.bounds());
        assertThat(SettingKey.PLATFORM_FEE_PERCENT.problem(SettingKey.parse("12.5"))).isEmpty();
        assertThat(Settings.effective(Map.of("fees.platform_percent", "1E-9000000"))).isEmpty();
    }

    @Test
    void storedValuesThatBreakTheirRuleOrAreMissingReadAsDefaults() {
        Map<SettingKey, JsonValue> effective = Settings.effective(Map.of("payouts.minimum", "7000",
                "fees.platform_percent", "250", "enable_wallet", "not json", "unknown.key", "1"));
        assertThat(effective).containsOnlyKeys(SettingKey.PAYOUT_MINIMUM);
        assertThat(effective.get(SettingKey.PAYOUT_MINIMUM).toString()).isEqualTo("7000");
    }

    @Test
    void notificationTemplatesAreIdsOrTextsByLanguage() {
        SettingKey templates = SettingKey.NOTIFICATION_TEMPLATES;
        assertThat(templates.problem(templates.defaultValue())).isEmpty();
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": {\"fr\": {\"title\": \"Payé\", "
                + "\"body\": \"Merci {amount}\"}, \"en\": {\"body\": \"Thanks\"}}, \"otp_sms\": \"otp-v2\"}")))
                .isEmpty();
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": {\"french\": {\"title\": \"x\"}}}")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("booking_paid").contains("two-letter"));
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": {\"fr\": {\"subject\": \"x\"}}}")))
                .hasValueSatisfying(problem -> assertThat(problem).contains("subject"));
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": {\"fr\": {\"title\": \"\"}}}"))).isPresent();
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": {\"fr\": {\"title\": \""
                + "x".repeat(121) + "\"}}}"))).isPresent();
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": {}}"))).isPresent();
        assertThat(templates.problem(SettingKey.parse("{\"booking_paid\": \" \"}"))).isPresent();
    }

    @Test
    void notificationBoundsAreChecked() {
        assertThat(SettingKey.NOTIFICATION_MAX_DEVICES.problem(SettingKey.parse("5"))).isEmpty();
        assertThat(SettingKey.NOTIFICATION_MAX_DEVICES.problem(SettingKey.parse("0"))).isPresent();
        assertThat(SettingKey.NOTIFICATION_MAX_DEVICES.problem(SettingKey.parse("21"))).isPresent();
        assertThat(SettingKey.NOTIFICATION_CHAT_COALESCE_MINUTES.problem(SettingKey.parse("1440"))).isEmpty();
        assertThat(SettingKey.NOTIFICATION_CHAT_COALESCE_MINUTES.problem(SettingKey.parse("1441"))).isPresent();
    }
}
