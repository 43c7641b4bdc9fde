package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** API-8: strict CORS from ALLOCAR_CORS_ORIGINS (the tests configure https://app.allocar.test) and headers. */
class CorsAndHeadersIT {
    private static final String ALLOWED = "https://app.allocar.test";

    @Test
    void preflightFromAnAllowedOriginSucceeds() {
        Response response = Clients.anonymous()
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Idempotency-Key")
                .options("/api/v1/_probes/idempotent");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("Idempotency-Key");
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        Response response = Clients.anonymous()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/_probes/idempotent");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("forbidden");
    }

    @Test
    void simpleRequestsGetCorsHeadersOnlyForAllowedOrigins() {
        Response allowed = Clients.anonymous().header("Origin", ALLOWED).get("/api/v1/no-such-thing");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(allowed.header("Access-Control-Expose-Headers")).contains("X-Request-ID");

        Response other = Clients.anonymous().header("Origin", "https://evil.example").get("/api/v1/no-such-thing");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void securityHeadersOnEveryResponse() {
        Response response = Clients.anonymous().get("/api/v1/no-such-thing");
        assertThat(response.header("Strict-Transport-Security")).contains("max-age=");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }
}
