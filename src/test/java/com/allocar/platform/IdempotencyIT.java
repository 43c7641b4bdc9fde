package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** API-6: Idempotency-Key replays, conflicts and concurrent duplicates, stored in PostgreSQL. */
class IdempotencyIT {
    private static final String PATH = "/api/v1/_probes/idempotent";

    private static Response post(String token, String key, String body) {
        return Clients.withToken(token).header("Idempotency-Key", key).body(body).post(PATH);
    }

    @Test
    void sameKeyAndBodyReplaysTheStoredResponse() {
        String token = TestTokens.forNewUser();
        String key = UUID.randomUUID().toString();
        Response first = post(token, key, "{\"value\":\"seat for Awa\"}");
        Response second = post(token, key, "{\"value\":\"seat for Awa\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.jsonPath().getString("data.execution_id"))
                .isEqualTo(first.jsonPath().getString("data.execution_id"));
    }

    @Test
    void withoutKeyEveryRequestRuns() {
        String token = TestTokens.forNewUser();
        String a = Clients.withToken(token).body("{\"value\":\"x\"}").post(PATH).jsonPath().getString("data.execution_id");
        String b = Clients.withToken(token).body("{\"value\":\"x\"}").post(PATH).jsonPath().getString("data.execution_id");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void sameKeyWithAnotherBodyIsIdempotencyConflict() {
        String token = TestTokens.forNewUser();
        String key = UUID.randomUUID().toString();
        assertThat(post(token, key, "{\"value\":\"one seat\"}").statusCode()).isEqualTo(201);

        Response changed = post(token, key, "{\"value\":\"two seats\"}");
        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(changed.jsonPath().getString("error.code")).isEqualTo("idempotency_conflict");
    }

    @Test
    void concurrentDuplicateIsRefusedWhileTheFirstRuns() throws Exception {
        String token = TestTokens.forNewUser();
        String key = UUID.randomUUID().toString();
        String body = "{\"value\":\"slow\",\"delay_ms\":1500}";
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(token, key, body));
        Thread.sleep(400);
        Response duplicate = post(token, key, body);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.jsonPath().getString("error.code")).isEqualTo("idempotency_in_progress");

        Response original = first.get();
        assertThat(original.statusCode()).isEqualTo(201);
        Response afterwards = post(token, key, body);
        assertThat(afterwards.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(afterwards.jsonPath().getString("data.execution_id"))
                .isEqualTo(original.jsonPath().getString("data.execution_id"));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        Response mine = post(TestTokens.forNewUser(), key, "{\"value\":\"a\"}");
        Response theirs = post(TestTokens.forNewUser(), key, "{\"value\":\"b\"}");
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.jsonPath().getString("data.execution_id"))
                .isNotEqualTo(mine.jsonPath().getString("data.execution_id"));
    }

    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String token = TestTokens.forNewUser();
        String key = UUID.randomUUID().toString();
        Response invalid = post(token, key, "{\"value\":\"\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);

        Response corrected = post(token, key, "{\"value\":\"fixed\"}");
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void malformedKeyIsValidationError() {
        Response response = post(TestTokens.forNewUser(), "has spaces in it", "{\"value\":\"a\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error.details.fields.Idempotency-Key")).isNotBlank();
    }
}
