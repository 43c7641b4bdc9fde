package com.allocar.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Google and Apple as identity providers for the tests: WireMock on {@code ALLOCAR_IT_IDP_PORT} serves each
 * provider's JWK set where {@code scripts/test} points the server ({@code GOOGLE_JWKS_URL} = {@code /google/certs},
 * {@code APPLE_JWKS_URL} = {@code /apple/keys}), and this class signs ID tokens with the claim sets the real
 * providers issue. Started once per test JVM by the first test that calls {@link #start()}.
 *
 * <p>Each provider has one current signing key, the only one its JWK set publishes. {@link #rotate} replaces it;
 * tokens made afterwards with {@link #sign(Idp, JWTClaimsSet)} use the new key, so tests stay independent of
 * each other (the server fetches the set again when it meets a key id it does not know).
 *
 * <pre>
 * IdentityProviderStandIn.start();
 * String token = IdentityProviderStandIn.googleToken(Accounts.newEmail());
 * </pre>
 */
public final class IdentityProviderStandIn {
    private static final int DEFAULT_PRIORITY = 10;
    private static final int OUTAGE_PRIORITY = 1;
    private static WireMockServer server;
    private static final Map<Idp, RSAKey> CURRENT = new EnumMap<>(Idp.class);
    private static final Map<Idp, UUID> JWKS_STUBS = new EnumMap<>(Idp.class);
    private static final Map<Idp, UUID> OUTAGE_STUBS = new EnumMap<>(Idp.class);

    /** The two providers, with their issuer and the client id the server under test accepts. */
    public enum Idp {
        GOOGLE("/google/certs", "https://accounts.google.com", "GOOGLE_CLIENT_ID", "google"),
        APPLE("/apple/keys", "https://appleid.apple.com", "APPLE_CLIENT_ID", "apple");

        public final String jwksPath;
        public final String issuer;
        private final String clientIdEnv;
        /** The path segment of {@code POST /api/v1/auth/social/{provider}}. */
        public final String pathName;

        Idp(String jwksPath, String issuer, String clientIdEnv, String pathName) {
            this.jwksPath = jwksPath;
            this.issuer = issuer;
            this.clientIdEnv = clientIdEnv;
            this.pathName = pathName;
        }

        /** The (first) client id the server accepts for this provider. */
        public String clientId() {
            return SmsStandIn.requiredEnv(clientIdEnv).split(",")[0].strip();
        }
    }

    private IdentityProviderStandIn() {
    }

    /** Starts the stand-in if it is not running yet (once per JVM; stopped when the JVM exits). */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        int port = Integer.parseInt(SmsStandIn.requiredEnv("ALLOCAR_IT_IDP_PORT"));
        WireMockServer started = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .containerThreads(8).jettyAcceptors(1));
        started.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "idp-stand-in-stop"));
        server = started;
        for (Idp idp : Idp.values()) {
            CURRENT.put(idp, newKey(newKid(idp)));
            StubMapping stub = server.stubFor(jwks(idp));
            JWKS_STUBS.put(idp, stub.getId());
        }
    }

    /** The key that signs this provider's tokens now, published in its JWK set. */
    public static synchronized RSAKey currentKey(Idp idp) {
        running();
        return CURRENT.get(idp);
    }

    /**
     * The provider rotates its keys: a new key (new key id) becomes the signing key and the only one published.
     *
     * @return the key that signed until now (no longer published)
     */
    public static synchronized RSAKey rotate(Idp idp) {
        running();
        RSAKey previous = CURRENT.put(idp, newKey(newKid(idp)));
        server.editStub(jwks(idp).withId(JWKS_STUBS.get(idp)));
        return previous;
    }

    /** While {@code down}, the provider's JWK set is answered {@code 503}. */
    public static synchronized void jwksDown(Idp idp, boolean down) {
        running();
        UUID outage = OUTAGE_STUBS.remove(idp);
        if (outage != null) {
            server.removeStub(server.getSingleStubMapping(outage));
        }
        if (down) {
            StubMapping stub = server.stubFor(get(urlPathEqualTo(idp.jwksPath)).atPriority(OUTAGE_PRIORITY)
                    .willReturn(aResponse().withStatus(503).withBody("stand-in outage")));
            OUTAGE_STUBS.put(idp, stub.getId());
        }
    }

    /** How many times the server fetched this provider's JWK set so far. */
    public static int jwksFetches(Idp idp) {
        return (int) running().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(idp.jwksPath)).count();
    }

    /** A new RSA key (2048 bits) with this key id, published nowhere. */
    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key id in the provider's style: 40 hex digits for Google, 10 letters and digits for Apple. */
    public static String newKid(Idp idp) {
        byte[] raw = new byte[20];
        ThreadLocalRandom.current().nextBytes(raw);
        String hex = HexFormat.of().formatHex(raw);
        return idp == Idp.GOOGLE ? hex : hex.substring(0, 10).toUpperCase();
    }

    /** Google's ID token claims for a signed-in user, issued now and valid for an hour. */
    public static JWTClaimsSet.Builder googleClaims(String email, String givenName, String familyName) {
        Instant now = Instant.now();
        String clientId = Idp.GOOGLE.clientId();
        return new JWTClaimsSet.Builder()
                .issuer(Idp.GOOGLE.issuer)
                .claim("azp", clientId)
                .audience(clientId)
                .subject(googleSubject(email))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("at_hash", HexFormat.of().formatHex(randomBytes(11)))
                .claim("name", givenName + " " + familyName)
                .claim("picture", "https://lh3.googleusercontent.com/a/ACg8ocL" + UUID.randomUUID())
                .claim("given_name", givenName)
                .claim("family_name", familyName)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    /**
     * Apple's ID token claims: no names (Apple gives them to the app once, beside the token), {@code email_verified}
     * and {@code is_private_email} as strings, issued now and valid for ten minutes.
     */
    public static JWTClaimsSet.Builder appleClaims(String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(Idp.APPLE.issuer)
                .audience(Idp.APPLE.clientId())
                .expirationTime(Date.from(now.plusSeconds(600)))
                .issueTime(Date.from(now))
                .subject("001234." + stableId(email).toString().replace("-", "") + ".0542")
                .claim("c_hash", HexFormat.of().formatHex(randomBytes(11)))
                .claim("email", email)
                .claim("email_verified", "true")
                .claim("is_private_email", email.endsWith("@privaterelay.appleid.com") ? "true" : "false")
                .claim("auth_time", now.getEpochSecond())
                .claim("nonce_supported", true);
    }

    /** A Google ID token for this address (verified), signed with Google's current key. */
    public static String googleToken(String email) {
        return sign(Idp.GOOGLE, googleClaims(email, "Awa", "Koné").build());
    }

    /** An Apple ID token for this address (verified), signed with Apple's current key. */
    public static String appleToken(String email) {
        return sign(Idp.APPLE, appleClaims(email).build());
    }

    /** Signed by the provider's current key, with its key id, as the provider would. */
    public static String sign(Idp idp, JWTClaimsSet claims) {
        RSAKey key = currentKey(idp);
        return sign(claims, key, key.getKeyID(), idp == Idp.GOOGLE);
    }

    /** Signed RS256 by {@code key}, announcing {@code kid} (which may be another key's). */
    public static String sign(JWTClaimsSet claims, RSAKey key, String kid, boolean typJwt) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid);
        if (typJwt) {
            header.type(JOSEObjectType.JWT);
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** HS256 with {@code secret} (e.g. the provider's public key, the classic algorithm confusion). */
    public static String signHs256(JWTClaimsSet claims, byte[] secret, String kid) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT)
                .build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static MappingBuilder jwks(Idp idp) {
        String body = new JWKSet(List.of(CURRENT.get(idp).toPublicJWK())).toString();
        return get(urlPathEqualTo(idp.jwksPath)).atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "public, max-age=21600, must-revalidate, no-transform")
                        .withBody(body));
    }

    /** Google's subject for this address: 21 digits, the same every time (the account's id at Google). */
    public static String googleSubject(String email) {
        return "1" + String.format("%020d", stableId(email).getMostSignificantBits() & Long.MAX_VALUE);
    }

    private static UUID stableId(String email) {
        return UUID.nameUUIDFromBytes(email.toLowerCase().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int count) {
        byte[] raw = new byte[count];
        ThreadLocalRandom.current().nextBytes(raw);
        return raw;
    }

    private static synchronized WireMockServer running() {
        if (server == null) {
            throw new IllegalStateException("IdentityProviderStandIn.start() first");
        }
        return server;
    }
}
