package com.allocar.notifications;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /me/notification-preferences}: only the fields present change. {@code quiet_hours} is replaced whole
 * when present ({@code enabled}, and {@code start}/{@code end} as HH:mm, kept from before when omitted).
 */
public record PreferencesUpdate(Boolean push, Boolean sms, Boolean email, @Valid QuietHoursInput quietHours,
                                @Size(min = 1, max = 64) String timeZone) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /** Quiet hours: from {@code start} to {@code end} local time (across midnight when end is earlier). */
    public record QuietHoursInput(@NotNull Boolean enabled,
                                  @Pattern(regexp = TIME, message = "must be a time of day as HH:mm") String start,
                                  @Pattern(regexp = TIME, message = "must be a time of day as HH:mm") String end) {
    }
}
