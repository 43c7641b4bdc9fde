package com.allocar.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily span of local time (in the user's zone) during which nothing that can wait is sent: from {@code start}
 * included to {@code end} excluded, across midnight when {@code end} is earlier than {@code start} (22:00–07:00).
 * A message due inside it is held until its end.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("Quiet hours need a start and an end that differ");
        }
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** When a message due at {@code now} may go: empty when now is outside the quiet hours, else their end. */
    public Optional<Instant> heldUntil(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) {
            return Optional.empty();
        }
        LocalDate day = local.toLocalDate();
        ZonedDateTime release = ZonedDateTime.of(day, end, zone);
        if (!release.isAfter(local)) {
            release = ZonedDateTime.of(day.plusDays(1), end, zone);
        }
        return Optional.of(release.toInstant());
    }
}
