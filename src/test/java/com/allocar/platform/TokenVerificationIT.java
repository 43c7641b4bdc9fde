package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bearer token that does not verify is refused with 401 auth_required, even on a public route. */
class TokenVerificationIT {
    private static final String PROBE = "/api/v1/_probes/caller";

    private static void assertRefused(String token) {
        Response response = Clients.withToken(token).get(PROBE);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("auth_required");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aValidTokenNamesTheCaller() {
        UUID user = TestTokens.newUser();
        assertThat(Clients.withToken(TestTokens.forUser(user)).get(PROBE).jsonPath()
                .getString("data.subject")).isEqualTo(user.toString());
    }

    @Test
    void forgedSignatureIsRefused() {
        String token = TestTokens.forNewUser();
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"https://api.allocar.ci\",\"sub\":\"" + UUID.randomUUID() + "\",\"groups\":[\"admin\",\"super\"],"
                        + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(TestTokens.sign(TestTokens.newUser().toString(), List.of("user"), null, TestTokens.issuer(),
                Instant.now().minusSeconds(3600)));
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertRefused(TestTokens.sign(TestTokens.newUser().toString(), List.of("user"), null, "https://evil.example",
                Instant.now().plusSeconds(600)));
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"iss\":\"https://api.allocar.ci\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"groups\":[\"user\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(header + "." + payload + ".");
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not-a-jwt");
    }
}
