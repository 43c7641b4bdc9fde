package com.allocar.platform.settings;

import com.allocar.platform.json.JsonNumbers;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings the code knows (ADM-4, section 19 of the specification): key, JSON type, coded default and the rule
 * a value must follow beyond its type. Migration 017 seeds the same defaults; a missing row reads as the default
 * here. Amounts are XOF whole francs, percents 0..100.
 */
public enum SettingKey {
    PLATFORM_FEE_PERCENT("fees.platform_percent", SettingValueType.decimal, "10",
            "Platform commission on each paid booking, percent of the amount", Rules::percent),
    PLATFORM_FEE_FIXED("fees.platform_fixed", SettingValueType.integer, "0",
            "Fixed platform fee per paid booking, XOF", Rules::nonNegative),
    CANCELLATION_WINDOW_HOURS("cancellation.window_hours", SettingValueType.integer, "24",
            "Cancelling less than this many hours before departure costs a fee (passenger) or a penalty (driver)",
            Rules::nonNegative),
    CANCELLATION_FEE_PERCENT("cancellation.fee_percent", SettingValueType.decimal, "20",
            "Fee kept when a passenger cancels inside the window, percent of the amount", Rules::percent),
    NO_SHOW_PERCENT("cancellation.no_show_percent", SettingValueType.decimal, "50",
            "Share of the amount kept when a passenger does not show up, percent", Rules::percent),
    DRIVER_CANCEL_PENALTY("cancellation.driver_penalty_amount", SettingValueType.integer, "1000",
            "Fine withheld from the next payouts when a driver cancels inside the window, XOF", Rules::nonNegative),
    DRIVER_CANCEL_PENALTY_POINTS("cancellation.driver_penalty_points", SettingValueType.integer, "1",
            "Penalty points added to a driver who cancels inside the window", Rules::nonNegative),
    BOOKING_PENDING_EXPIRY_HOURS("bookings.pending_expiry_hours", SettingValueType.integer, "3",
            "A pending booking the driver has not answered lapses after this many hours", Rules::positive),
    MAX_UNPAID_BOOKINGS_PER_24H("bookings.max_unpaid_per_24h", SettingValueType.integer, "5",
            "Unpaid bookings a passenger may hold within 24 hours (anti-fraud)", Rules::positive),
    PAYOUT_MINIMUM("payouts.minimum", SettingValueType.integer, "5000",
            "Smallest driver payout, XOF; smaller balances wait for the next run", Rules::nonNegative),
    WITHDRAW_MINIMUM("wallet.withdraw_minimum", SettingValueType.integer, "1000",
            "Smallest wallet withdrawal, XOF", Rules::nonNegative),
    CARD_HOLD_DAYS("wallet.card_hold_days", SettingValueType.integer, "7",
            "Days a card top-up stays on hold: it can pay bookings but cannot be withdrawn (refunds and chargebacks)",
            Rules::nonNegative),
    NOTIFICATION_TEMPLATES("notifications.templates", SettingValueType.json,
            "{\"otp_sms\":\"otp-sms-v1\",\"booking_requested\":\"booking-requested-v1\","
                    + "\"booking_accepted\":\"booking-accepted-v1\",\"booking_paid\":\"booking-paid-v1\","
                    + "\"trip_reminder\":\"trip-reminder-v1\",\"trip_cancelled\":\"trip-cancelled-v1\"}",
            "Email/SMS/push template ids by notification name", Rules::templates),
    ALLOW_AUTO_ACCEPT("allow_auto_accept", SettingValueType.bool, "true",
            "Drivers may let bookings be accepted automatically (a trip's allow_auto_accept applies only when on)",
            Rules::any),
    REQUIRE_KYC_FOR_DRIVER("require_kyc_for_driver", SettingValueType.bool, "true",
            "Publishing trips and receiving payouts need an approved identity verification", Rules::any),
    ENABLE_WALLET("enable_wallet", SettingValueType.bool, "true", "The wallet (top-up, pay, withdraw) is on",
            Rules::any),
    PRICE_AXES("pricing.axes", SettingValueType.json,
            "[{\"name\":\"Abidjan–Yamoussoukro\",\"ends\":[{\"lat\":5.36,\"lon\":-4.0083},{\"lat\":6.8276,\"lon\":-5.2893}],"
                    + "\"radius_km\":30,\"floor\":3000,\"ceiling\":10000},"
                    + "{\"name\":\"Abidjan–Bouaké\",\"ends\":[{\"lat\":5.36,\"lon\":-4.0083},{\"lat\":7.69,\"lon\":-5.03}],"
                    + "\"radius_km\":30,\"floor\":4000,\"ceiling\":15000},"
                    + "{\"name\":\"Abidjan–San-Pédro\",\"ends\":[{\"lat\":5.36,\"lon\":-4.0083},{\"lat\":4.7485,\"lon\":-6.6363}],"
                    + "\"radius_km\":30,\"floor\":4000,\"ceiling\":15000}]",
            "Price floor and ceiling per seat (XOF) on popular axes, both directions (TRIP-6)", Rules::axes),
    JOBS_PAYOUTS_CRON("jobs.payouts.cron", SettingValueType.string, "\"0 0 6 * * *\"",
            "When the driver payouts job runs (cron, UTC)", Rules::cron),
    JOBS_RECONCILIATION_CRON("jobs.reconciliation.cron", SettingValueType.string, "\"0 0 2 * * *\"",
            "When the daily payment reconciliation runs (cron, UTC)", Rules::cron),
    JOBS_CLEANUP_CRON("jobs.cleanup.cron", SettingValueType.string, "\"0 15 * * * *\"",
            "When the clean-up job runs (cron, UTC)", Rules::cron),
    CLEANUP_OTP_RETENTION_HOURS("cleanup.otp_retention_hours", SettingValueType.integer, "48",
            "Hours an expired one-time code is kept before clean-up", Rules::positive),
    CLEANUP_REFRESH_TOKEN_RETENTION_DAYS("cleanup.refresh_token_retention_days", SettingValueType.integer, "30",
            "Days an expired refresh token is kept before clean-up", Rules::positive),
    CLEANUP_WEBHOOK_RETENTION_DAYS("cleanup.webhook_retention_days", SettingValueType.integer, "90",
            "Days a processed provider notification (webhook inbox) is kept before clean-up", Rules::positive),
    CLEANUP_OUTBOX_RETENTION_DAYS("cleanup.outbox_retention_days", SettingValueType.integer, "30",
            "Days a sent notification is kept before clean-up", Rules::positive),
    CLEANUP_JOB_FIRING_RETENTION_DAYS("cleanup.job_firing_retention_days", SettingValueType.integer, "30",
            "Days a scheduled job firing record is kept", Rules::positive),
    CLEANUP_PAYMENT_POLL_RETENTION_DAYS("cleanup.payment_poll_retention_days", SettingValueType.integer, "30",
            "Days the payment poller's record of an attempt it stopped polling is kept", Rules::positive),
    PAYOUT_HOLD_HOURS("payouts.hold_hours", SettingValueType.integer, "24",
            "Hours after a ride ends before its earning can be paid out (room for a dispute)", Rules::nonNegative),
    MESSAGES_PER_MINUTE("messages.per_minute", SettingValueType.integer, "20",
            "Chat messages and image uploads one user may send per minute, all bookings together (0: no limit)",
            Rules::nonNegative),
    MESSAGES_POST_COMPLETION_DAYS("messages.post_completion_days", SettingValueType.integer, "7",
            "Days after a ride is completed during which its passenger and driver may still write to each other",
            Rules::nonNegative),
    NOTIFICATION_MAX_DEVICES("notifications.max_devices", SettingValueType.integer, "5",
            "Push devices one user may register; registering one more forgets the one seen least recently",
            Rules::devices),
    NOTIFICATION_CHAT_COALESCE_MINUTES("notifications.chat_coalesce_minutes", SettingValueType.integer, "5",
            "At most one chat notification per booking and recipient within this many minutes", Rules::coalesce),
    ALERTS_MAX_PER_USER("alerts.max_per_user", SettingValueType.integer, "10",
            "Trip alerts one user may keep at once (those whose last day has not passed)", Rules::positive),
    REFERRAL_BONUS_REFERRER("referrals.bonus_referrer", SettingValueType.integer, "1000",
            "Francs credited to the referrer's wallet after the referee's first completed ride (0: none)",
            Rules::nonNegative),
    REFERRAL_BONUS_REFEREE("referrals.bonus_referee", SettingValueType.integer, "1000",
            "Francs credited to the referee's wallet after their first completed ride (0: none)", Rules::nonNegative),
    REFERRAL_USE_DAYS("referrals.use_days", SettingValueType.integer, "7",
            "Days after sign-up within which a user may enter a referral code", Rules::positive),
    REFERRAL_BONUS_HOLD_DAYS("referrals.bonus_hold_days", SettingValueType.integer, "30",
            "Days a referral bonus can be spent on rides but not withdrawn", Rules::nonNegative),
    RATINGS_WINDOW_DAYS("ratings.window_days", SettingValueType.integer, "14",
            "Days after a ride's completion during which its passenger and driver may rate each other; a blind rating "
                    + "is revealed when they end", Rules::ratingWindow),
    DISPUTES_WINDOW_DAYS("disputes.window_days", SettingValueType.integer, "30",
            "Days after a trip's departure (or its ride's completion, when later) during which its passenger or "
                    + "driver may open a dispute", Rules::nonNegative);

    private final String key;
    private final SettingValueType type;
    private final JsonValue defaultValue;
    private final String description;
    private final Function<JsonValue, String> rule;

    SettingKey(String key, SettingValueType type, String defaultJson, String description,
               Function<JsonValue, String> rule) {
        this.key = key;
        this.type = type;
        this.defaultValue = parse(defaultJson);
        this.description = description;
        this.rule = rule;
    }

    public String key() {
        return key;
    }

    public SettingValueType type() {
        return type;
    }

    public JsonValue defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static Optional<SettingKey> of(String key) {
        for (SettingKey known : values()) {
            if (known.key.equals(key)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** What is wrong with {@code value} for this setting (its type first, then its rule), or empty when it fits. */
    public Optional<String> problem(JsonValue value) {
        if (!type.accepts(value)) {
            return Optional.of(type.expectation());
        }
        if (!numbersBounded(value)) {
            return Optional.of(JsonNumbers.bounds());
        }
        return Optional.ofNullable(rule.apply(value));
    }

    /** Every number in {@code value} (at any depth) within the API's bounds, before any rule computes with it. */
    private static boolean numbersBounded(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return JsonNumbers.bounded(number.bigDecimalValue());
        }
        if (value instanceof JsonObject object) {
            return object.values().stream().allMatch(SettingKey::numbersBounded);
        }
        if (value instanceof JsonArray array) {
            return array.stream().allMatch(SettingKey::numbersBounded);
        }
        return true;
    }

    /** Any JSON text as a value; IllegalArgumentException when it is not JSON. */
    public static JsonValue parse(String json) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    /** The rules beyond the JSON type; each answers null when the value fits. */
    private static final class Rules {
        private static final BigDecimal MAX = BigDecimal.valueOf(1_000_000_000);

        private Rules() {
        }

        static String any(JsonValue value) {
            return null;
        }

        static String percent(JsonValue value) {
            BigDecimal number = ((JsonNumber) value).bigDecimalValue();
            return number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) > 0 ? "must be between 0 and 100" : null;
        }

        static String nonNegative(JsonValue value) {
            BigDecimal number = ((JsonNumber) value).bigDecimalValue();
            return number.signum() < 0 ? "must be 0 or more" : tooLarge(number);
        }

        static String positive(JsonValue value) {
            BigDecimal number = ((JsonNumber) value).bigDecimalValue();
            return number.signum() <= 0 ? "must be 1 or more" : tooLarge(number);
        }

        private static String tooLarge(BigDecimal number) {
            return number.compareTo(MAX) > 0 ? "must be at most " + MAX : null;
        }

        /**
         * By notification name: a template id (a non-empty string, as before), or the texts themselves by language,
         * {@code {"fr": {"title": "…", "body": "…"}, "en": {…}}} (each of title and body optional, at most
         * {@value #MAX_TITLE} and {@value #MAX_BODY} characters); docs/notifications.md lists the names and
         * placeholders.
         */
        static String templates(JsonValue value) {
            if (!(value instanceof JsonObject object)) {
                return "must be an object of template ids or texts by notification name";
            }
            for (var entry : object.entrySet()) {
                String problem = template(entry.getValue());
                if (problem != null) {
                    return entry.getKey() + ": " + problem;
                }
            }
            return null;
        }

        static final int MAX_TITLE = 120;
        static final int MAX_BODY = 600;

        private static String template(JsonValue template) {
            if (template instanceof JsonString id) {
                return id.getString().isBlank() ? "a template id must be a non-empty string" : null;
            }
            if (!(template instanceof JsonObject languages) || languages.isEmpty()) {
                return "must be a template id or an object of texts by language ({\"fr\": {\"title\", \"body\"}})";
            }
            for (var language : languages.entrySet()) {
                if (!language.getKey().matches("[a-z]{2}")) {
                    return "languages are two-letter codes such as fr or en, not " + language.getKey();
                }
                if (!(language.getValue() instanceof JsonObject texts) || texts.isEmpty()) {
                    return language.getKey() + " must be an object with a title and/or a body";
                }
                for (var text : texts.entrySet()) {
                    int max = switch (text.getKey()) {
                        case "title" -> MAX_TITLE;
                        case "body" -> MAX_BODY;
                        default -> -1;
                    };
                    if (max < 0) {
                        return language.getKey() + " has only a title and a body, not " + text.getKey();
                    }
                    if (!(text.getValue() instanceof JsonString string) || string.getString().isBlank()
                            || string.getString().length() > max) {
                        return language.getKey() + "." + text.getKey() + " must be a non-empty string of at most "
                                + max + " characters";
                    }
                }
            }
            return null;
        }

        static String devices(JsonValue value) {
            int devices = ((JsonNumber) value).bigDecimalValue().intValue();
            return positive(value) != null || devices > 20 ? "must be between 1 and 20" : null;
        }

        static String ratingWindow(JsonValue value) {
            int days = ((JsonNumber) value).bigDecimalValue().intValue();
            return positive(value) != null || days > 365 ? "must be between 1 and 365" : null;
        }

        static String coalesce(JsonValue value) {
            int minutes = ((JsonNumber) value).bigDecimalValue().intValue();
            return positive(value) != null || minutes > 1440 ? "must be between 1 and 1440" : null;
        }

        /** A cron expression of Jakarta Concurrency's {@code CronTrigger} (5 or 6 fields) that fires at all. */
        static String cron(JsonValue value) {
            String expression = ((JsonString) value).getString();
            if (expression.isBlank() || expression.length() > 120) {
                return "must be a cron expression such as \"0 0 6 * * *\" (seconds minutes hours day month weekday)";
            }
            try {
                var trigger = new CronTrigger(expression, ZoneOffset.UTC);
                var next = trigger.getNextRunTime(null, ZonedDateTime.now(ZoneOffset.UTC));
                return next == null ? "never fires" : null;
            } catch (RuntimeException e) {
                return "must be a cron expression such as \"0 0 6 * * *\" (seconds minutes hours day month weekday)";
            }
        }

        static String axes(JsonValue value) {
            try {
                PriceAxis.parseAll(value);
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
    }
}
