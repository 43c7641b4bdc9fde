package com.allocar.notifications;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One notification to one user, as a domain asks for it ({@link Notifications#notify}).
 *
 * @param event  what caused it, the same for every recipient of one cause and never reused for another
 *               ({@code booking:<id>:paid}, {@code reminder-2h:<trip>:<departure epoch>} …): a user is notified
 *               at most once per event, whoever asks again
 * @param vars   the template's placeholders by name: strings, numbers (amounts, in XOF), {@link java.time.Instant}s
 *               (written in the user's time zone and language)
 * @param data   the push message's {@code data} (string values: ids the app opens), beside {@code kind} and
 *               {@code event}, which are always added
 */
public record Notice(String event, UUID userId, NotificationKind kind, Map<String, Object> vars,
                     Map<String, String> data) {
    public static final int MAX_EVENT_LENGTH = 150;

    public Notice {
        Objects.requireNonNull(event, "event");
        if (event.isBlank() || event.length() > MAX_EVENT_LENGTH || event.contains("|")) {
            throw new IllegalArgumentException("An event key is 1.." + MAX_EVENT_LENGTH + " characters without '|'");
        }
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        vars = withoutNulls(vars);
        data = withoutNulls(data);
    }

    private static <V> Map<String, V> withoutNulls(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((name, value) -> {
                if (name != null && value != null) {
                    copy.put(name, value);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    public static Notice of(String event, UUID userId, NotificationKind kind, Map<String, Object> vars,
                            Map<String, String> data) {
        return new Notice(event, userId, kind, vars, data);
    }
}
