package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.TestTokens.SigningKey;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which bearer tokens the server accepts (our issuer, our audience, one of the published keys, not expired) and
 * what it does with the others: 401 auth_required on a protected route, and on a public one too when the token
 * claims to be ours (our key id or issuer); an unrelated bearer on a public route is served as anonymous.
 */
class TokenVerificationIT {
    private static final String PROTECTED = "/api/v1/me";
    private static final String PUBLIC = "/api/v1/auth/jwks";

    private static void assertRefused(String token, String path) {
        Response response = Clients.withToken(token).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("auth_required");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static void assertRefused(String token) {
        assertRefused(token, PROTECTED);
    }

    private static String userToken(String audience, SigningKey key) {
        return TestTokens.sign(TestTokens.newUser().toString(), List.of("user"), null, TestTokens.issuer(),
                Instant.now().plusSeconds(600), audience, key);
    }

    @Test
    void aValidTokenNamesTheCaller() {
        UUID user = TestTokens.newUser();
        assertThat(Clients.withToken(TestTokens.forUser(user)).get(PROTECTED).jsonPath()
                .getString("data.id")).isEqualTo(user.toString());
    }

    @Test
    void forgedSignatureIsRefusedEvenOnAPublicRoute() {
        String token = TestTokens.forNewUser();
        String[] parts = token.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"https://api.allocar.ci\",\"sub\":\"" + UUID.randomUUID() + "\",\"groups\":[\"admin\",\"super\"],"
                        + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}").getBytes(StandardCharsets.UTF_8));
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2]);
        assertRefused(parts[0] + "." + otherPayload + "." + parts[2], PUBLIC);
    }

    @Test
    void expiredTokenIsRefusedEvenOnAPublicRoute() {
        String expired = TestTokens.sign(TestTokens.newUser().toString(), List.of("user"), null, TestTokens.issuer(),
                Instant.now().minusSeconds(3600));
        assertRefused(expired);
        assertRefused(expired, PUBLIC);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertRefused(TestTokens.sign(TestTokens.newUser().toString(), List.of("user"), null, "https://evil.example",
                Instant.now().plusSeconds(600)));
    }

    @Test
    void tokenWithoutOrWithAnotherAudienceIsRefused() {
        assertRefused(userToken("another-api", SigningKey.CURRENT));
        assertRefused(userToken(null, SigningKey.CURRENT));
        assertRefused(userToken("another-api", SigningKey.CURRENT), PUBLIC);
        assertThat(Clients.withToken(userToken(TestTokens.audience(), SigningKey.CURRENT)).get(PROTECTED).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTokenOfThePreviousKeyIsStillAcceptedDuringARotation() {
        UUID user = TestTokens.newUser();
        String token = TestTokens.sign(user.toString(), List.of("user"), null, TestTokens.issuer(),
                Instant.now().plusSeconds(600), TestTokens.audience(), SigningKey.PREVIOUS);
        assertThat(Clients.withToken(token).get(PROTECTED).jsonPath().getString("data.id")).isEqualTo(user.toString());
    }

    @Test
    void aTokenSignedWithOneKeyButNamingTheOtherIsRefused() {
        String signedWithPrevious = userToken(TestTokens.audience(), SigningKey.PREVIOUS);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\","
                + "\"kid\":\"" + SigningKey.CURRENT.kid() + "\"}").getBytes(StandardCharsets.UTF_8));
        assertRefused(header + signedWithPrevious.substring(signedWithPrevious.indexOf('.')));
    }

    @Test
    void theJwkSetPublishesTheCurrentKeyFirstAndThePreviousOne() {
        JsonPath jwks = Clients.anonymous().get(PUBLIC).then().statusCode(200).extract().jsonPath();
        assertThat(jwks.getList("keys.kid")).containsExactly(SigningKey.CURRENT.kid(), SigningKey.PREVIOUS.kid());
        assertThat(jwks.getList("keys.alg")).containsOnly("RS256");
        assertThat(jwks.getList("keys.d")).containsOnlyNulls();
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(("{\"iss\":\"https://api.allocar.ci\",\"sub\":\"" + UUID.randomUUID()
                + "\",\"groups\":[\"user\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(header + "." + payload + ".");
        assertRefused(header + "." + payload + ".", PUBLIC);
    }

    @Test
    void garbageIsRefusedOnAProtectedRoute() {
        assertRefused("not-a-jwt");
    }

    @Test
    void anUnrelatedBearerOnAPublicRouteIsServedAsAnonymous() {
        Response jwks = Clients.withToken("not-a-jwt").get(PUBLIC);
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.header("WWW-Authenticate")).as("no challenge on an answer that needed no token").isNull();
        String foreign = TestTokens.sign(UUID.randomUUID().toString(), List.of("user"), null, "https://idp.example",
                Instant.now().plusSeconds(600));
        String unknownKid = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8))
                + foreign.substring(foreign.indexOf('.'));
        assertThat(Clients.withToken(unknownKid).get(PUBLIC).statusCode()).isEqualTo(200);
        Response login = Clients.withToken("not-a-jwt")
                .body(Clients.json(java.util.Map.of("identifier", "+2250700000000", "password", "whatever-it-is")))
                .post("/api/v1/auth/login");
        assertThat(login.statusCode()).as("refused by the sign-in itself, not by the token check").isEqualTo(401);
        assertThat(login.jsonPath().getString("error.message")).isEqualTo("The identifier or the password is wrong.");
    }
}
