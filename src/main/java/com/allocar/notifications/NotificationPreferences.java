package com.allocar.notifications;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A user's notification channels and quiet hours; a user without a row has the {@link #defaults}. */
@Entity
@Table(name = "notification_preferences")
public class NotificationPreferences extends VersionedEntity {
    public static final String DEFAULT_ZONE = "Africa/Abidjan";

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false)
    private boolean push = true;

    @Column(nullable = false)
    private boolean sms = true;

    @Column(nullable = false)
    private boolean email = true;

    @Column(name = "quiet_hours_enabled", nullable = false)
    private boolean quietHoursEnabled;

    @Column(name = "quiet_start")
    private LocalTime quietStart;

    @Column(name = "quiet_end")
    private LocalTime quietEnd;

    @Column(name = "time_zone", nullable = false)
    private String timeZone = DEFAULT_ZONE;

    protected NotificationPreferences() {
    }

    public NotificationPreferences(UUID userId) {
        this.userId = Objects.requireNonNull(userId);
    }

    /** What a user who never set anything gets: every channel, no quiet hours, Abidjan's time. */
    public static NotificationPreferences defaults(UUID userId) {
        return new NotificationPreferences(userId);
    }

    public UUID getUserId() {
        return userId;
    }

    public boolean isPush() {
        return push;
    }

    public boolean isSms() {
        return sms;
    }

    public boolean isEmail() {
        return email;
    }

    public boolean isQuietHoursEnabled() {
        return quietHoursEnabled;
    }

    public LocalTime getQuietStart() {
        return quietStart;
    }

    public LocalTime getQuietEnd() {
        return quietEnd;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of(DEFAULT_ZONE);
        }
    }

    /** The quiet hours in force, if any. */
    public Optional<QuietHours> quietHours() {
        if (!quietHoursEnabled || quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return Optional.empty();
        }
        return Optional.of(new QuietHours(quietStart, quietEnd, zone()));
    }

    void channels(Boolean push, Boolean sms, Boolean email) {
        if (push != null) {
            this.push = push;
        }
        if (sms != null) {
            this.sms = sms;
        }
        if (email != null) {
            this.email = email;
        }
    }

    void quietHours(boolean enabled, LocalTime start, LocalTime end) {
        this.quietHoursEnabled = enabled;
        if (start != null) {
            this.quietStart = start;
        }
        if (end != null) {
            this.quietEnd = end;
        }
    }

    void timeZone(String zone) {
        this.timeZone = Objects.requireNonNull(zone);
    }
}
