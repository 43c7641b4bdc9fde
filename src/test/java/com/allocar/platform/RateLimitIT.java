package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * API-7 with the shipped defaults: 300 requests a minute per address, 60 per user, 10 sign-in attempts a
 * minute per address, 600 provider webhooks a minute per address (a budget of their own).
 */
class RateLimitIT {

    @Test
    void perAddressBudgetEndsInRateLimitedWithRetryAfter() {
        String address = Clients.randomAddress();
        Response first = Clients.from(address).get("/api/v1/no-such-thing");
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("300");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("299");
        assertThat(Integer.parseInt(first.header("X-RateLimit-Reset"))).isBetween(1, 60);
        for (int i = 1; i < 300; i++) {
            assertThat(Clients.from(address).get("/api/v1/no-such-thing").statusCode()).isEqualTo(404);
        }
        Response refused = Clients.from(address).get("/api/v1/no-such-thing");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("error.code")).isEqualTo("rate_limited");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);

        assertThat(Clients.from(Clients.randomAddress()).get("/api/v1/no-such-thing").statusCode())
                .as("another address keeps its own budget").isEqualTo(404);
    }

    @Test
    void signInRoutesHaveAStricterBudget() {
        String address = Clients.randomAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(Clients.from(address).body("{\"identifier\":\"+2250700000009\",\"password\":\"x\"}")
                    .post("/api/v1/auth/login").statusCode());
        }
        assertThat(statuses.subList(0, 10)).doesNotContain(429);
        assertThat(statuses.get(10)).isEqualTo(429);
        assertThat(Clients.from(address).get("/api/v1/no-such-thing").statusCode())
                .as("the general budget of the address is separate").isEqualTo(404);
    }

    @Test
    void providerWebhooksHaveTheirOwnPerAddressBudget() {
        String address = Clients.randomAddress();
        Response first = Clients.from(address).body("{}").post("/api/v1/payments/webhook/wave");
        assertThat(first.statusCode()).isNotEqualTo(429);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("600");
        for (int i = 1; i < 600; i++) {
            assertThat(Clients.from(address).body("{}").post("/api/v1/payments/webhook/mtn").statusCode())
                    .isNotEqualTo(429);
        }
        Response refused = Clients.from(address).body("{}").post("/api/v1/payments/webhook/wave");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("error.code")).isEqualTo("rate_limited");
        assertThat(refused.jsonPath().getString("error.details.scope")).isEqualTo("webhook");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);

        Response api = Clients.from(address).get("/api/v1/no-such-thing");
        assertThat(api.statusCode()).as("the address's API budget is separate").isEqualTo(404);
        assertThat(api.header("X-RateLimit-Remaining")).isEqualTo("299");
    }

    @Test
    void perUserBudgetFollowsTheUserAcrossAddresses() {
        String token = TestTokens.forNewUser();
        for (int i = 0; i < 60; i++) {
            Response response = Clients.withToken(token).get("/api/v1/_probes/caller");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("60");
        }
        Response refused = Clients.withToken(token).get("/api/v1/_probes/caller");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.jsonPath().getString("error.details.scope")).isEqualTo("user");
        assertThat(refused.header("Retry-After")).isNotBlank();

        assertThat(Clients.withToken(TestTokens.forNewUser()).get("/api/v1/_probes/caller").statusCode())
                .as("another user keeps their own budget").isEqualTo(200);
    }
}
