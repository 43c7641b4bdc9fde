package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Answers;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET/PATCH /me/notification-preferences}: defaults, partial changes, validation, sign-in. */
class NotificationPreferencesIT {
    @BeforeAll
    static void server() {
        ItServer.awaitReady();
    }

    private static Response patch(String token, Map<String, ?> body) {
        return Clients.withToken(token).body(Clients.json(body)).patch(PushFixtures.PREFERENCES);
    }

    @Test
    void everyChannelIsOnWithoutQuietHoursUntilChanged() {
        Response response = Clients.withToken(TestTokens.forUser(TestTokens.newUser())).get(PushFixtures.PREFERENCES);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getBoolean("data.push")).isTrue();
        assertThat(response.jsonPath().getBoolean("data.sms")).isTrue();
        assertThat(response.jsonPath().getBoolean("data.email")).isTrue();
        assertThat(response.jsonPath().getBoolean("data.quiet_hours.enabled")).isFalse();
        assertThat(response.jsonPath().getString("data.time_zone")).isEqualTo("Africa/Abidjan");
    }

    @Test
    void onlyTheFieldsGivenChangeAndStay() {
        String token = TestTokens.forUser(TestTokens.newUser());

        Response changed = patch(token, Map.of("email", false,
                "quiet_hours", Map.of("enabled", true, "start", "22:00", "end", "06:30"), "time_zone", "Europe/Paris"));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        Response off = patch(token, Map.of("quiet_hours", Map.of("enabled", false)));
        assertThat(off.statusCode()).as(off.asString()).isEqualTo(200);
        Response on = patch(token, Map.of("quiet_hours", Map.of("enabled", true)));
        assertThat(on.statusCode()).as(on.asString()).isEqualTo(200);

        Response read = Clients.withToken(token).get(PushFixtures.PREFERENCES);
        assertThat(read.jsonPath().getBoolean("data.push")).isTrue();
        assertThat(read.jsonPath().getBoolean("data.email")).isFalse();
        assertThat(read.jsonPath().getBoolean("data.quiet_hours.enabled")).isTrue();
        assertThat(read.jsonPath().getString("data.quiet_hours.start")).isEqualTo("22:00");
        assertThat(read.jsonPath().getString("data.quiet_hours.end")).isEqualTo("06:30");
        assertThat(read.jsonPath().getString("data.time_zone")).isEqualTo("Europe/Paris");
    }

    @Test
    void badValuesAreValidationErrors() {
        String token = TestTokens.forUser(TestTokens.newUser());

        Answers.assertInvalid(patch(token, Map.of("time_zone", "Mars/Olympus")), "time_zone");
        Answers.assertInvalid(patch(token, Map.of("time_zone", "+02:00")), "time_zone");
        Answers.assertError(patch(token, Map.of("quiet_hours", Map.of("enabled", true, "start", "25:00",
                "end", "06:00"))), 400, "validation_error");
        Answers.assertInvalid(patch(token, Map.of("quiet_hours", Map.of("enabled", true))), "quiet_hours");
        Answers.assertInvalid(patch(token, Map.of("quiet_hours", Map.of("enabled", true, "start", "08:00",
                "end", "08:00"))), "quiet_hours");
        Answers.assertError(patch(token, Map.of("quiet_hours", Map.of("start", "08:00"))), 400, "validation_error");

        Response read = Clients.withToken(token).get(PushFixtures.PREFERENCES);
        assertThat(read.jsonPath().getBoolean("data.quiet_hours.enabled")).isFalse();
        assertThat(read.jsonPath().getString("data.time_zone")).isEqualTo("Africa/Abidjan");
    }

    @Test
    void signedInUsersOnly() {
        Answers.assertError(Clients.anonymous().get(PushFixtures.PREFERENCES), 401, "auth_required");
        Answers.assertError(Clients.anonymous().body(Clients.json(Map.of("sms", false))).patch(PushFixtures.PREFERENCES),
                401, "auth_required");
    }
}
