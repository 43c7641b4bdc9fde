package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Answers;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /me/devices} and {@code DELETE /me/devices/{token}}: upsert, bound per user, own devices only. */
class DevicesIT {
    @BeforeAll
    static void server() {
        ItServer.awaitReady();
    }

    @Test
    void aNewTokenIsCreatedAndPresentingItAgainRefreshesIt() {
        UUID user = TestTokens.newUser();
        String token = PushFixtures.newToken();

        Response created = PushFixtures.register(TestTokens.forUser(user), token, "android");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("data.token")).isEqualTo(token);
        assertThat(created.jsonPath().getString("data.platform")).isEqualTo("android");
        assertThat(created.jsonPath().getString("data.last_seen_at")).isNotNull();

        Response again = PushFixtures.register(TestTokens.forUser(user), token, "ios");
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.jsonPath().getString("data.platform")).isEqualTo("ios");
        assertThat(again.jsonPath().getString("data.created_at")).isEqualTo(created.jsonPath().getString("data.created_at"));
        assertThat(PushFixtures.devicesOf(user)).isEqualTo(1);
    }

    @Test
    void aTokenMovesToTheAccountThatPresentsIt() {
        UUID first = TestTokens.newUser();
        UUID second = TestTokens.newUser();
        String token = PushFixtures.device(first);

        Response moved = PushFixtures.register(TestTokens.forUser(second), token, "android");

        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(PushFixtures.devicesOf(first)).isZero();
        assertThat(PushFixtures.devicesOf(second)).isEqualTo(1);
    }

    @Test
    void aUserKeepsAtMostFiveDevicesAndLosesTheOneSeenLeastRecently() {
        UUID user = TestTokens.newUser();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(PushFixtures.device(user));
        }

        assertThat(PushFixtures.devicesOf(user)).isEqualTo(5);
        assertThat(PushFixtures.deviceExists(tokens.get(0))).isFalse();
        assertThat(tokens.subList(1, 6)).allMatch(PushFixtures::deviceExists);
    }

    @Test
    void onlyOnesOwnDeviceCanBeRemoved() {
        UUID owner = TestTokens.newUser();
        UUID other = TestTokens.newUser();
        String token = PushFixtures.device(owner);

        Answers.assertError(Clients.withToken(TestTokens.forUser(other)).delete(PushFixtures.DEVICES + "/" + token),
                404, "not_found");
        assertThat(PushFixtures.deviceExists(token)).isTrue();
        Answers.assertError(Clients.withToken(TestTokens.forUser(owner)).delete(PushFixtures.DEVICES + "/"
                + PushFixtures.newToken()), 404, "not_found");

        Response removed = Clients.withToken(TestTokens.forUser(owner)).delete(PushFixtures.DEVICES + "/" + token);
        assertThat(removed.statusCode()).as(removed.asString()).isEqualTo(204);
        assertThat(PushFixtures.deviceExists(token)).isFalse();
        Answers.assertError(Clients.withToken(TestTokens.forUser(owner)).delete(PushFixtures.DEVICES + "/" + token),
                404, "not_found");
    }

    @Test
    void badInputIsAValidationError() {
        String user = TestTokens.forUser(TestTokens.newUser());

        Answers.assertInvalid(PushFixtures.register(user, "short", "android"), "token");
        Answers.assertInvalid(PushFixtures.register(user, "has spaces and is long enough to pass", "android"), "token");
        Answers.assertInvalid(Clients.withToken(user).body(Clients.json(Map.of("token", PushFixtures.newToken())))
                .post(PushFixtures.DEVICES), "platform");
        Answers.assertError(PushFixtures.register(user, PushFixtures.newToken(), "windows-phone"), 400,
                "validation_error");
        Answers.assertError(Clients.withToken(user).body("{").post(PushFixtures.DEVICES), 400, "validation_error");
    }

    @Test
    void signedInUsersOnly() {
        Answers.assertError(Clients.anonymous().body(Clients.json(Map.of("token", PushFixtures.newToken(),
                "platform", "ios"))).post(PushFixtures.DEVICES), 401, "auth_required");
        Answers.assertError(Clients.anonymous().delete(PushFixtures.DEVICES + "/" + PushFixtures.newToken()), 401,
                "auth_required");
    }
}
