package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Devices, contacts, notices and outbox rows for the notification tests. */
public final class PushFixtures {
    public static final String DEVICES = "/api/v1/me/devices";
    public static final String PREFERENCES = "/api/v1/me/notification-preferences";
    static final String NOTICE_PROBE = "/api/v1/_probes/notifications/notice";

    private PushFixtures() {
    }

    /** A new FCM-looking registration token nobody else has. */
    public static String newToken() {
        return "fcm-it-" + UUID.randomUUID() + ":APA91b" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Response register(String userToken, String deviceToken, String platform) {
        return Clients.withToken(userToken).body(Clients.json(Map.of("token", deviceToken, "platform", platform)))
                .post(DEVICES);
    }

    /** Registers a new device for the user (through the API) and returns its token. */
    public static String device(UUID userId) {
        String token = newToken();
        Response response = register(TestTokens.forUser(userId), token, "android");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return token;
    }

    /** Gives the user a verified address and returns it. */
    public static String verifiedEmail(UUID userId) {
        String email = Accounts.newEmail();
        Db.sql("UPDATE users SET email = ?, is_email_verified = true WHERE id = ?", email, userId);
        return email;
    }

    public static String phoneOf(UUID userId) {
        return Db.value(String.class, "SELECT phone FROM users WHERE id = ?", userId);
    }

    /** Queues a notice through the probe; whether anything was queued. */
    public static boolean notice(UUID userId, NotificationKind kind, String event, Map<String, String> vars) {
        Response response = Clients.anonymous().body(Clients.json(Map.of("event", event, "user_id", userId.toString(),
                "kind", kind.name(), "vars", vars, "data", Map.of("probe", "yes")))).post(NOTICE_PROBE);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return response.jsonPath().getBoolean("data.queued");
    }

    /** The outbox rows of notifications to the user: "channel status", oldest first. */
    public static List<String> outbox(UUID userId) {
        List<String> rows = new ArrayList<>();
        Db.query("SELECT channel, status FROM outbox_messages WHERE user_id = ? ORDER BY created_at, channel", result -> {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2));
            }
        }, userId);
        return rows;
    }

    public static long devicesOf(UUID userId) {
        return Db.value(Long.class, "SELECT count(*) FROM device_tokens WHERE user_id = ?", userId);
    }

    public static boolean deviceExists(String token) {
        return Db.value(Long.class, "SELECT count(*) FROM device_tokens WHERE token = ?", token) > 0;
    }
}
