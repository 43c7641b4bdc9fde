package com.allocar.notifications;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A user's notification channels, quiet hours and time zone. */
@ApplicationScoped
public class PreferencesService {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;

    /** The user's preferences, or the defaults when they never set any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationPreferences of(UUID userId) {
        return em.createQuery("SELECT p FROM NotificationPreferences p WHERE p.userId = :user",
                        NotificationPreferences.class).setParameter("user", userId).getResultStream().findFirst()
                .orElseGet(() -> NotificationPreferences.defaults(userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PreferencesView view(UUID userId) {
        return PreferencesView.of(of(userId));
    }

    @Transactional
    public PreferencesView update(UUID userId, PreferencesUpdate change) {
        em.createNativeQuery("INSERT INTO notification_preferences (user_id) VALUES (?1) ON CONFLICT (user_id) DO NOTHING")
                .setParameter(1, userId).executeUpdate();
        NotificationPreferences preferences = em.createQuery(
                        "SELECT p FROM NotificationPreferences p WHERE p.userId = :user", NotificationPreferences.class)
                .setParameter("user", userId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        Map<String, Object> changed = new LinkedHashMap<>();
        preferences.channels(change.push(), change.sms(), change.email());
        if (change.push() != null || change.sms() != null || change.email() != null) {
            changed.put("channels", Map.of("push", preferences.isPush(), "sms", preferences.isSms(),
                    "email", preferences.isEmail()));
        }
        if (change.timeZone() != null) {
            preferences.timeZone(zone(change.timeZone()));
            changed.put("time_zone", preferences.getTimeZone());
        }
        if (change.quietHours() != null) {
            PreferencesUpdate.QuietHoursInput quiet = change.quietHours();
            LocalTime start = quiet.start() == null ? preferences.getQuietStart() : LocalTime.parse(quiet.start());
            LocalTime end = quiet.end() == null ? preferences.getQuietEnd() : LocalTime.parse(quiet.end());
            if (quiet.enabled() && (start == null || end == null)) {
                throw ValidationException.field("quiet_hours", "give a start and an end to enable quiet hours");
            }
            if (start != null && start.equals(end)) {
                throw ValidationException.field("quiet_hours", "start and end must differ");
            }
            preferences.quietHours(quiet.enabled(), start, end);
            changed.put("quiet_hours", PreferencesView.of(preferences).quietHours());
        }
        audit.record(ActorType.user, userId, "notification.preferences_update", "notification_preferences",
                preferences.getId(), changed);
        return PreferencesView.of(preferences);
    }

    /** A region time zone of the tz database ({@code Africa/Abidjan}, {@code Europe/Paris}). */
    static String zone(String id) {
        if (!id.contains("/") || !ZoneId.getAvailableZoneIds().contains(id)) {
            throw ValidationException.field("time_zone", "must be a time zone of the tz database such as Africa/Abidjan");
        }
        return ZoneId.of(id).getId();
    }
}
