package com.allocar.platform.settings;

import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.money.Pricing;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The system settings (ADM-4), typed, one method each. Values come from the {@code settings} table, read whole and
 * kept {@link #TTL} (a few seconds: an admin's change reaches every instance that quickly, and this one at once
 * through {@link SettingsChanged}); a missing row, or a row that breaks its rule, reads as the coded default of
 * {@link SettingKey}.
 */
@ApplicationScoped
public class Settings {
    static final Duration TTL = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final String ALL = "all";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    private final LoadingCache<String, Map<SettingKey, JsonValue>> cache = Caffeine.newBuilder()
            .expireAfterWrite(TTL).maximumSize(1).build(ignored -> load());

    /** The platform's commission terms, for {@link com.allocar.platform.money.Pricing#commission}. */
    public Pricing.FeeTerms feeTerms() {
        return new Pricing.FeeTerms(platformFeePercent(), platformFeeFixed());
    }

    /** The cancellation terms, for {@link com.allocar.platform.money.Pricing#cancellation}. */
    public Pricing.CancellationTerms cancellationTerms() {
        return new Pricing.CancellationTerms(cancellationWindow(), cancellationFeePercent(), noShowPercent(),
                driverCancelPenalty(), driverCancelPenaltyPoints());
    }

    public BigDecimal platformFeePercent() {
        return decimal(SettingKey.PLATFORM_FEE_PERCENT);
    }

    /** XOF. */
    public BigDecimal platformFeeFixed() {
        return decimal(SettingKey.PLATFORM_FEE_FIXED);
    }

    public Duration cancellationWindow() {
        return Duration.ofHours(integer(SettingKey.CANCELLATION_WINDOW_HOURS));
    }

    public BigDecimal cancellationFeePercent() {
        return decimal(SettingKey.CANCELLATION_FEE_PERCENT);
    }

    public BigDecimal noShowPercent() {
        return decimal(SettingKey.NO_SHOW_PERCENT);
    }

    /** XOF withheld from a driver's next payouts after a late cancellation. */
    public BigDecimal driverCancelPenalty() {
        return decimal(SettingKey.DRIVER_CANCEL_PENALTY);
    }

    public int driverCancelPenaltyPoints() {
        return integer(SettingKey.DRIVER_CANCEL_PENALTY_POINTS);
    }

    public Duration bookingPendingExpiry() {
        return Duration.ofHours(integer(SettingKey.BOOKING_PENDING_EXPIRY_HOURS));
    }

    public int maxUnpaidBookingsPer24h() {
        return integer(SettingKey.MAX_UNPAID_BOOKINGS_PER_24H);
    }

    /** XOF. */
    public BigDecimal payoutMinimum() {
        return decimal(SettingKey.PAYOUT_MINIMUM);
    }

    /** XOF. */
    public BigDecimal withdrawMinimum() {
        return decimal(SettingKey.WITHDRAW_MINIMUM);
    }

    /** How long a card top-up's credit cannot be withdrawn (it may still be refunded or charged back). */
    public Duration cardHoldPeriod() {
        return Duration.ofDays(integer(SettingKey.CARD_HOLD_DAYS));
    }

    /** The template id of a notification ({@code booking_paid}, {@code otp_sms} …), if one is set. */
    public Optional<String> notificationTemplateId(String notification) {
        JsonValue id = ((JsonObject) value(SettingKey.NOTIFICATION_TEMPLATES)).get(notification);
        return id instanceof JsonString text ? Optional.of(text.getString()) : Optional.empty();
    }

    public boolean allowAutoAccept() {
        return bool(SettingKey.ALLOW_AUTO_ACCEPT);
    }

    public boolean requireKycForDriver() {
        return bool(SettingKey.REQUIRE_KYC_FOR_DRIVER);
    }

    public boolean enableWallet() {
        return bool(SettingKey.ENABLE_WALLET);
    }

    public List<PriceAxis> priceAxes() {
        return PriceAxis.parseAll(value(SettingKey.PRICE_AXES));
    }

    /** The popular axis a trip runs along (either direction); the closest when several match. */
    public Optional<PriceAxis> priceAxisFor(GeoPoint origin, GeoPoint destination) {
        return closestAxis(priceAxes(), origin, destination);
    }

    static Optional<PriceAxis> closestAxis(List<PriceAxis> axes, GeoPoint origin, GeoPoint destination) {
        return axes.stream().filter(axis -> axis.matches(origin, destination))
                .min(Comparator.comparingDouble(axis -> axis.fit(origin, destination)));
    }

    /** How long after a trip's departure (or completion, when later) a dispute may be opened about a booking. */
    public Duration disputeWindow() {
        return Duration.ofDays(integer(SettingKey.DISPUTES_WINDOW_DAYS));
    }

    /** Trip alerts one user may keep at once ({@code alerts.max_per_user}). */
    public int alertsPerUser() {
        return integer(SettingKey.ALERTS_MAX_PER_USER);
    }

    /** How long a ride's earning waits before a payout may take it ({@code payouts.hold_hours}). */
    public Duration payoutHold() {
        return Duration.ofHours(integer(SettingKey.PAYOUT_HOLD_HOURS));
    }

    /** A job's cron expression ({@code jobs.*.cron}), already checked by its rule. */
    public String cron(SettingKey key) {
        if (!key.key().startsWith("jobs.") || !key.key().endsWith(".cron")) {
            throw new IllegalArgumentException(key.key() + " is not a job schedule");
        }
        return ((JsonString) value(key)).getString();
    }

    /** How long the clean-up job keeps what it deletes (JOB-3), one setting each. */
    public Retention retention() {
        return new Retention(Duration.ofHours(integer(SettingKey.CLEANUP_OTP_RETENTION_HOURS)),
                Duration.ofDays(integer(SettingKey.CLEANUP_REFRESH_TOKEN_RETENTION_DAYS)),
                Duration.ofDays(integer(SettingKey.CLEANUP_WEBHOOK_RETENTION_DAYS)),
                Duration.ofDays(integer(SettingKey.CLEANUP_OUTBOX_RETENTION_DAYS)),
                Duration.ofDays(integer(SettingKey.CLEANUP_JOB_FIRING_RETENTION_DAYS)),
                Duration.ofDays(integer(SettingKey.CLEANUP_PAYMENT_POLL_RETENTION_DAYS)));
    }

    /** The clean-up job's retention periods, each counted from the row's expiry, processing or sending. */
    public record Retention(Duration otp, Duration refreshToken, Duration webhook, Duration outbox, Duration jobFiring,
                            Duration paymentPoll) {
    }

    /** Chat messages and image uploads one user may send per minute (0: no limit). */
    public int messagesPerMinute() {
        return integer(SettingKey.MESSAGES_PER_MINUTE);
    }

    /** How long after a ride's completion its parties may still write to each other. */
    public Duration messagesAfterCompletion() {
        return Duration.ofDays(integer(SettingKey.MESSAGES_POST_COMPLETION_DAYS));
    }

    /** The {@code notifications.templates} object: template ids or texts by language, by notification name. */
    public JsonObject notificationTemplates() {
        return (JsonObject) value(SettingKey.NOTIFICATION_TEMPLATES);
    }

    /** How many push devices one user keeps ({@code notifications.max_devices}). */
    public int maxDevicesPerUser() {
        return integer(SettingKey.NOTIFICATION_MAX_DEVICES);
    }

    /** The window within which a booking's chat notifications to one recipient coalesce into one. */
    public Duration chatNotificationWindow() {
        return Duration.ofMinutes(integer(SettingKey.NOTIFICATION_CHAT_COALESCE_MINUTES));
    }

    /** What a referral pays once the referee's first ride is completed, and for how long it cannot be withdrawn. */
    public ReferralTerms referralTerms() {
        return new ReferralTerms(decimal(SettingKey.REFERRAL_BONUS_REFERRER), decimal(SettingKey.REFERRAL_BONUS_REFEREE),
                Duration.ofDays(integer(SettingKey.REFERRAL_USE_DAYS)),
                Duration.ofDays(integer(SettingKey.REFERRAL_BONUS_HOLD_DAYS)));
    }

    /** Whole francs each (0: no bonus); {@code useWithin} counts from sign-up. */
    public record ReferralTerms(BigDecimal bonusReferrer, BigDecimal bonusReferee, Duration useWithin,
                                Duration bonusHold) {
    }

    /** How long after a ride's completion its parties may rate each other ({@code ratings.window_days}). */
    public Duration ratingWindow() {
        return Duration.ofDays(integer(SettingKey.RATINGS_WINDOW_DAYS));
    }

    /** Forgets the cached values once an admin's change is committed. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsChanged change) {
        cache.invalidateAll();
    }

    /** The effective value: the stored one when it fits its rule, else the coded default. */
    JsonValue value(SettingKey key) {
        return cache.get(ALL).getOrDefault(key, key.defaultValue());
    }

    private BigDecimal decimal(SettingKey key) {
        return ((JsonNumber) value(key)).bigDecimalValue();
    }

    private int integer(SettingKey key) {
        return ((JsonNumber) value(key)).intValueExact();
    }

    private boolean bool(SettingKey key) {
        return value(key) == JsonValue.TRUE;
    }

    private Map<SettingKey, JsonValue> load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT key, value::text FROM settings").getResultList();
        Map<String, String> stored = new HashMap<>();
        for (Object[] row : rows) {
            stored.put((String) row[0], (String) row[1]);
        }
        return effective(stored);
    }

    /** The known settings among {@code stored} (key → JSON text) whose values fit; the others are left out. */
    static Map<SettingKey, JsonValue> effective(Map<String, String> stored) {
        Map<SettingKey, JsonValue> values = new LinkedHashMap<>();
        for (SettingKey key : SettingKey.values()) {
            String json = stored.get(key.key());
            if (json == null) {
                continue;
            }
            try {
                JsonValue value = SettingKey.parse(json);
                Optional<String> problem = key.problem(value);
                if (problem.isPresent()) {
                    LOG.warning(() -> "Setting " + key.key() + " " + problem.get() + "; using its default");
                } else {
                    values.put(key, value);
                }
            } catch (IllegalArgumentException | ClassCastException | ArithmeticException e) {
                LOG.warning(() -> "Setting " + key.key() + " is unreadable; using its default");
            }
        }
        return values;
    }
}
