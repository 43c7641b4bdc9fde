package com.allocar.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access tokens signed with the test key pair that scripts/test generated (the server trusts its public
 * half), for tests that need a caller before the sign-in flows exist or independently of them.
 */
public final class TestTokens {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    public static String forSubject(String subject, String... groups) {
        return sign(subject, List.of(groups), ItServer.env("ALLOCAR_JWT_ISSUER", "https://api.allocar.ci"),
                Instant.now().plusSeconds(900));
    }

    public static String forNewUser() {
        return forSubject(UUID.randomUUID().toString(), "user");
    }

    public static String sign(String subject, List<String> groups, String issuer, Instant expiry) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + "\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "],"
                + "\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + expiry.getEpochSecond() + ","
                + "\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey() throws Exception {
        String pem = System.getenv("ALLOCAR_JWT_PRIVATE_KEY");
        if (pem == null) {
            throw new IllegalStateException("ALLOCAR_JWT_PRIVATE_KEY is not set: run the tests with scripts/test");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
