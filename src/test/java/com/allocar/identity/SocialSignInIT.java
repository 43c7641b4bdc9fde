package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.IdentityProviderStandIn;
import com.allocar.testsupport.IdentityProviderStandIn.Idp;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with Google and Apple (AUTH-5) against {@link IdentityProviderStandIn}, which serves both providers'
 * JWK sets and signs ID tokens with their real claim sets. Every test uses its own random address.
 */
class SocialSignInIT {

    @BeforeAll
    static void identityProviders() {
        IdentityProviderStandIn.start();
    }

    static Response signIn(Idp idp, String idToken) {
        return signIn(idp.pathName, Map.of("id_token", idToken));
    }

    static Response signIn(String provider, Map<String, ?> body) {
        return Clients.anonymous().header("User-Agent", "AlloCar-Android/1.0").body(Clients.json(body))
                .post("/api/v1/auth/social/" + provider);
    }

    static JsonPath signedIn(Idp idp, String idToken) {
        Response response = signIn(idp, idToken);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    static void assertRefused(Idp idp, String idToken, String email, String what) {
        Response response = signIn(idp, idToken);
        assertThat(response.statusCode()).as(what + ": " + response.asString()).isEqualTo(401);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("auth_required");
        assertThat(response.jsonPath().getString("error.message")).as("no internals in the message")
                .doesNotContainIgnoringCase("jwt").doesNotContainIgnoringCase("kid").doesNotContain("Exception");
        assertThat(accountsWith(email)).as(what + ": no account created").isZero();
    }

    @Test
    void googleCreatesTheAccountThenSignsItIn() {
        String email = Accounts.newEmail();
        JsonPath first = signedIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email));
        assertThat(first.getString("data.token_type")).isEqualTo("Bearer");
        assertThat(first.getInt("data.expires_in")).isEqualTo(900);
        assertThat(first.getString("data.refresh_token")).isNotBlank();
        assertThat(first.getString("data.user.email")).isEqualTo(email);
        assertThat(first.getBoolean("data.user.is_email_verified")).isTrue();
        assertThat(first.getString("data.user.phone")).isNull();
        assertThat(first.getString("data.user.first_name")).isEqualTo("Awa");
        assertThat(first.getString("data.user.last_name")).isEqualTo("Koné");
        assertThat(first.getString("data.user.referral_code")).isNotBlank();
        String userId = first.getString("data.user.id");
        assertThat(Clients.withToken(first.getString("data.access_token")).get("/api/v1/me").jsonPath()
                .getString("data.id")).isEqualTo(userId);
        assertThat(passwordHashOf(email)).as("no password").isNull();

        JsonPath second = signedIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email.toUpperCase()));
        assertThat(second.getString("data.user.id")).as("the same account").isEqualTo(userId);
        assertThat(second.getString("data.refresh_token")).isNotEqualTo(first.getString("data.refresh_token"));
        assertThat(accountsWith(email)).isEqualTo(1);

        Response refreshed = Clients.anonymous().body(Clients.json(Map.of("refresh_token", second.getString("data.refresh_token"))))
                .post("/api/v1/auth/token/refresh");
        assertThat(refreshed.statusCode()).as("a normal session").isEqualTo(200);

        List<Map<String, Object>> audit = Clients.withToken(TestTokens.forAdmin("super"))
                .get("/api/v1/admin/audit-logs?actor_id=" + userId + "&sort=created_at").jsonPath().getList("data");
        assertThat(audit).extracting(row -> row.get("action"))
                .containsExactly("user.register", "user.social_sign_in", "user.social_sign_in");
        assertThat(audit.get(0).get("meta")).isEqualTo(Map.of("channel", "google"));
        @SuppressWarnings("unchecked")
        Map<String, Object> signInMeta = (Map<String, Object>) audit.get(1).get("meta");
        assertThat(signInMeta).containsEntry("provider", "google").containsEntry("account", "created")
                .containsKey("session");
        @SuppressWarnings("unchecked")
        Map<String, Object> secondMeta = (Map<String, Object>) audit.get(2).get("meta");
        assertThat(secondMeta).containsEntry("provider", "google").containsEntry("account", "linked");
    }

    @Test
    void anExistingPhoneAccountWithTheVerifiedAddressIsLinked() {
        String email = Accounts.newEmail();
        String phone = Accounts.newPhone();
        UUID existing = insertUser(phone, email.toUpperCase(), true, true, "Koffi");

        JsonPath signedIn = signedIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email));
        assertThat(signedIn.getString("data.user.id")).isEqualTo(existing.toString());
        assertThat(signedIn.getString("data.user.phone")).isEqualTo(phone);
        assertThat(signedIn.getString("data.user.first_name")).as("names are not overwritten").isEqualTo("Koffi");
        assertThat(accountsWith(email)).isEqualTo(1);
    }

    @Test
    void appleWithThePrivateRelayAddressAndTheNamesFromTheBody() {
        String email = UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "@privaterelay.appleid.com";
        Response first = signIn(Idp.APPLE.pathName, Map.of("id_token", IdentityProviderStandIn.appleToken(email),
                "first_name", " Aya ", "last_name", "Traoré"));
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.jsonPath().getString("data.user.email")).isEqualTo(email);
        assertThat(first.jsonPath().getBoolean("data.user.is_email_verified")).isTrue();
        assertThat(first.jsonPath().getString("data.user.first_name")).isEqualTo("Aya");
        assertThat(first.jsonPath().getString("data.user.last_name")).isEqualTo("Traoré");

        JsonPath again = signedIn(Idp.APPLE, IdentityProviderStandIn.appleToken(email));
        assertThat(again.getString("data.user.id")).isEqualTo(first.jsonPath().getString("data.user.id"));
        assertThat(again.getString("data.user.first_name")).as("kept without names in the body").isEqualTo("Aya");
    }

    @Test
    void tokensThatDoNotPassAre401() {
        Instant now = Instant.now();
        String email = Accounts.newEmail();
        RSAKey google = IdentityProviderStandIn.currentKey(Idp.GOOGLE);

        JWTClaimsSet wrongAudience = IdentityProviderStandIn.googleClaims(email, "Awa", "Koné")
                .audience("someone-else.apps.googleusercontent.com").build();
        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.sign(Idp.GOOGLE, wrongAudience), email, "wrong audience");

        JWTClaimsSet appleAudienceAtGoogle = IdentityProviderStandIn.googleClaims(email, "Awa", "Koné")
                .audience(Idp.APPLE.clientId()).build();
        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.sign(Idp.GOOGLE, appleAudienceAtGoogle), email,
                "another provider's client id");

        JWTClaimsSet wrongIssuer = IdentityProviderStandIn.googleClaims(email, "Awa", "Koné")
                .issuer("https://accounts.evil.example").build();
        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.sign(Idp.GOOGLE, wrongIssuer), email, "wrong issuer");

        JWTClaimsSet expired = IdentityProviderStandIn.googleClaims(email, "Awa", "Koné")
                .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600))).build();
        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.sign(Idp.GOOGLE, expired), email, "expired");

        JWTClaimsSet valid = IdentityProviderStandIn.googleClaims(email, "Awa", "Koné").build();
        RSAKey impostor = IdentityProviderStandIn.newKey(google.getKeyID());
        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.sign(valid, impostor, google.getKeyID(), true), email,
                "signed by another key under the same kid");

        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.unsigned(valid), email, "alg none");

        String hs256 = IdentityProviderStandIn.signHs256(valid, publicKeyBytes(google), google.getKeyID());
        assertRefused(Idp.GOOGLE, hs256, email, "HS256 with the public key as secret");

        RSAKey unpublished = IdentityProviderStandIn.newKey(IdentityProviderStandIn.newKid(Idp.GOOGLE));
        assertRefused(Idp.GOOGLE, IdentityProviderStandIn.sign(valid, unpublished, unpublished.getKeyID(), true), email,
                "unknown kid");

        assertRefused(Idp.APPLE, IdentityProviderStandIn.sign(Idp.GOOGLE, valid), email,
                "a Google token presented as Apple's");
        assertRefused(Idp.GOOGLE, "not-a-token", email, "garbage");
    }

    @Test
    void theAddressMustBePresentAndVerifiedByTheProvider() {
        String email = Accounts.newEmail();
        JWTClaimsSet unverified = IdentityProviderStandIn.googleClaims(email, "Awa", "Koné")
                .claim("email_verified", false).build();
        Response refused = signIn(Idp.GOOGLE, IdentityProviderStandIn.sign(Idp.GOOGLE, unverified));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("error.code")).isEqualTo("forbidden");
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("email_unverified");

        JWTClaimsSet appleUnverified = IdentityProviderStandIn.appleClaims(email).claim("email_verified", "false").build();
        assertThat(signIn(Idp.APPLE, IdentityProviderStandIn.sign(Idp.APPLE, appleUnverified)).jsonPath()
                .getString("error.details.reason")).isEqualTo("email_unverified");

        JWTClaimsSet noEmail = IdentityProviderStandIn.appleClaims(email).claim("email", null)
                .claim("email_verified", null).build();
        Response missing = signIn(Idp.APPLE, IdentityProviderStandIn.sign(Idp.APPLE, noEmail));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.jsonPath().getString("error.details.reason")).isEqualTo("email_missing");
        assertThat(accountsWith(email)).isZero();
    }

    @Test
    void unknownProviderIs404AndABadBodyIs400() {
        Response unknown = signIn("facebook", Map.of("id_token", IdentityProviderStandIn.googleToken(Accounts.newEmail())));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.jsonPath().getString("error.code")).isEqualTo("not_found");

        Response noToken = signIn("google", Map.of("first_name", "Awa"));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(noToken.jsonPath().getString("error.details.fields.id_token")).isNotBlank();
    }

    @Test
    void afterAKeyRotationTokensWithTheNewKidVerify() {
        String email = Accounts.newEmail();
        signedIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email)); // the server holds the current set
        int fetches = IdentityProviderStandIn.jwksFetches(Idp.GOOGLE);

        RSAKey previous = IdentityProviderStandIn.rotate(Idp.GOOGLE);
        RSAKey next = IdentityProviderStandIn.currentKey(Idp.GOOGLE);
        assertThat(next.getKeyID()).isNotEqualTo(previous.getKeyID());
        JsonPath rotated = signedIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email));
        assertThat(rotated.getString("data.user.email")).isEqualTo(email);
        assertThat(IdentityProviderStandIn.jwksFetches(Idp.GOOGLE)).as("fetched again for the new kid")
                .isGreaterThan(fetches);

        String withRetiredKey = IdentityProviderStandIn.sign(IdentityProviderStandIn.googleClaims(email, "Awa", "Koné").build(),
                previous, previous.getKeyID(), true);
        assertThat(signIn(Idp.GOOGLE, withRetiredKey).statusCode()).as("the retired key is no longer trusted")
                .isEqualTo(401);
    }

    @Test
    void unreachableProviderKeysAre503() {
        String email = Accounts.newEmail();
        RSAKey rotatedOutOfSight = IdentityProviderStandIn.newKey(IdentityProviderStandIn.newKid(Idp.APPLE));
        String token = IdentityProviderStandIn.sign(IdentityProviderStandIn.appleClaims(email).build(), rotatedOutOfSight,
                rotatedOutOfSight.getKeyID(), false);
        IdentityProviderStandIn.jwksDown(Idp.APPLE, true);
        try {
            Response down = signIn(Idp.APPLE, token);
            assertThat(down.statusCode()).as(down.asString()).isEqualTo(503);
            assertThat(down.jsonPath().getString("error.code")).isEqualTo("service_unavailable");
        } finally {
            IdentityProviderStandIn.jwksDown(Idp.APPLE, false);
        }
        assertThat(signIn(Idp.APPLE, IdentityProviderStandIn.appleToken(email)).statusCode()).as("back up")
                .isEqualTo(200);
    }

    @Test
    void aSuspendedAccountIsRefused() {
        String email = Accounts.newEmail();
        UUID id = insertUser(null, email, false, true, null);
        execute("UPDATE users SET status = 'suspended', suspended_at = now() WHERE id = ?", id);
        Response refused = signIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("suspended");
    }

    @Test
    void anUnconfirmedEmailSignUpIsClaimedAndItsPasswordDropped() {
        String email = Accounts.newEmail();
        Response registered = Clients.anonymous().body(Clients.json(Map.of("email", email, "password", "Pre-hijack-42!")))
                .post("/api/v1/auth/register");
        assertThat(registered.statusCode()).isEqualTo(201);

        JsonPath signedIn = signedIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email));
        assertThat(signedIn.getString("data.user.id")).isEqualTo(registered.jsonPath().getString("data.user.id"));
        assertThat(signedIn.getBoolean("data.user.is_email_verified")).isTrue();
        Response login = Clients.anonymous().body(Clients.json(Map.of("identifier", email, "password", "Pre-hijack-42!")))
                .post("/api/v1/auth/login");
        assertThat(login.statusCode()).as("the password chosen before the address was proved no longer works")
                .isEqualTo(401);
    }

    @Test
    void anUnverifiedAddressOnAPhoneAccountIsNotMerged() {
        String email = Accounts.newEmail();
        insertUser(Accounts.newPhone(), email, true, false, "Koffi");
        Response refused = signIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("email_unverified_on_account");
    }

    @Test
    void concurrentFirstSignInsMakeOneAccount() throws Exception {
        String email = Accounts.newEmail();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> calls = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> signIn(Idp.GOOGLE, IdentityProviderStandIn.googleToken(email)), pool))
                    .toList();
            Map<Integer, Integer> statuses = new HashMap<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (CompletableFuture<Response> call : calls) {
                Response response = call.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                ids.add(response.jsonPath().getString("data.user.id"));
            }
            assertThat(statuses).isEqualTo(Map.of(200, 4));
            assertThat(ids).hasSize(1);
            assertThat(accountsWith(email)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOperationIsDocumented() {
        JsonPath document = Clients.anonymous().accept("application/json").get("/api/docs").jsonPath();
        String operation = "paths.'/api/v1/auth/social/{provider}'.post";
        assertThat(document.getList(operation + ".tags", String.class)).containsExactly("Auth");
        assertThat(document.getMap(operation + ".responses").keySet())
                .contains("200", "400", "401", "403", "404", "429", "503");
    }

    private static byte[] publicKeyBytes(RSAKey key) {
        try {
            return key.toRSAPublicKey().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID insertUser(String phone, String email, boolean phoneVerified, boolean emailVerified,
                                   String firstName) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO users (phone, email, is_phone_verified, is_email_verified, first_name) "
                        + "VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, phone);
            insert.setString(2, email);
            insert.setBoolean(3, phoneVerified);
            insert.setBoolean(4, emailVerified);
            insert.setString(5, firstName);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql, Object... parameters) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int accountsWith(String email) {
        return queryOne("SELECT count(*)::int FROM users WHERE lower(email) = lower(?)", email, Integer.class);
    }

    private static String passwordHashOf(String email) {
        return queryOne("SELECT password_hash FROM users WHERE lower(email) = lower(?)", email, String.class);
    }

    private static <T> T queryOne(String sql, String parameter, Class<T> type) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1, type);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
