package com.allocar.notifications;

import java.time.LocalTime;

/** A user's notification preferences, as {@code GET /me/notification-preferences} returns them. */
public record PreferencesView(boolean push, boolean sms, boolean email, QuietHoursView quietHours, String timeZone) {

    /** The quiet hours (HH:mm; null until set once); only {@code enabled} ones hold messages back. */
    public record QuietHoursView(boolean enabled, String start, String end) {
    }

    static PreferencesView of(NotificationPreferences preferences) {
        return new PreferencesView(preferences.isPush(), preferences.isSms(), preferences.isEmail(),
                new QuietHoursView(preferences.isQuietHoursEnabled(), text(preferences.getQuietStart()),
                        text(preferences.getQuietEnd())), preferences.getTimeZone());
    }

    private static String text(LocalTime time) {
        return time == null ? null : String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
