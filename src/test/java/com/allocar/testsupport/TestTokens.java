package com.allocar.testsupport;

import com.allocar.platform.security.Hashes;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Access tokens signed with the test key pair that scripts/test generated (the server trusts its public
 * half), for tests that need a caller without going through a sign-in flow. The accounts are real rows:
 * the server refuses tokens whose account does not exist or is suspended.
 */
public final class TestTokens {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** A token of a new, verified user. */
    public static String forNewUser() {
        return forUser(newUser());
    }

    public static String forUser(UUID userId) {
        return sign(userId.toString(), List.of("user"), null, issuer(), Instant.now().plusSeconds(900));
    }

    /** A token of a new active admin with this role (super, ops, support, finance, compliance). */
    public static String forAdmin(String role) {
        return sign(newAdmin(role).toString(), List.of("admin"), role, issuer(), Instant.now().plusSeconds(900));
    }

    /** Inserts a verified user with a random +225 07 phone number and returns its id. */
    public static UUID newUser() {
        String phone = Accounts.newPhone();
        return insert("INSERT INTO users (phone, first_name, is_phone_verified) VALUES (?, 'Test', true) RETURNING id", phone);
    }

    public static UUID newAdmin(String role) {
        return insert("INSERT INTO admin_users (email, password_hash, role) VALUES (?, 'not-a-hash', ?) RETURNING id",
                "admin-" + UUID.randomUUID() + "@allocar.test", role);
    }

    public static String issuer() {
        return ItServer.env("ALLOCAR_JWT_ISSUER", "https://api.allocar.ci");
    }

    /** The audience the server expects ({@code ALLOCAR_JWT_AUDIENCE}). */
    public static String audience() {
        return ItServer.env("ALLOCAR_JWT_AUDIENCE", "allocar-api");
    }

    public static String sign(String subject, List<String> groups, String role, String issuer, Instant expiry) {
        return sign(subject, groups, role, issuer, expiry, audience(), SigningKey.CURRENT);
    }

    /** As the server signs: {@code kid} of the key, {@code aud} unless null. */
    public static String sign(String subject, List<String> groups, String role, String issuer, Instant expiry,
                              String audience, SigningKey key) {
        RSAPrivateCrtKey privateKey = key.privateKey();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid(privateKey) + "\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + (audience == null ? "" : "\"aud\":\"" + audience + "\",")
                + "\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "],"
                + (role == null ? "" : "\"role\":\"" + role + "\",")
                + "\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + expiry.getEpochSecond() + ","
                + "\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = encode(header) + "." + encode(payload);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
    }

    /**
     * Stores a refresh token for {@code userId} as the server would have issued it (a session the test did not
     * sign in for, e.g. one an attacker would hold), and returns the raw token. The hash key is the server's:
     * {@code ALLOCAR_HASH_SECRET}, else the digest of the signing key (SigningKeys).
     */
    public static String storeRefreshToken(UUID userId) {
        String raw = Hashes.randomToken(32);
        Db.sql("INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) "
                + "VALUES (?, gen_random_uuid(), ?, now() + interval '1 day')", userId,
                Hashes.hmacSha256Hex(pepper(), "refresh:" + raw));
        return raw;
    }

    private static byte[] pepper() {
        String secret = System.getenv("ALLOCAR_HASH_SECRET");
        if (secret != null && !secret.isBlank()) {
            return Base64.getDecoder().decode(secret.strip());
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(SigningKey.CURRENT.privateKey().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID insert(String sql, Object... parameters) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test account", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The key pairs scripts/test made: the server signs with the current one and still accepts the previous one. */
    public enum SigningKey {
        CURRENT("ALLOCAR_JWT_PRIVATE_KEY"), PREVIOUS("ALLOCAR_IT_JWT_PREVIOUS_PRIVATE_KEY");

        private final String variable;

        SigningKey(String variable) {
            this.variable = variable;
        }

        RSAPrivateCrtKey privateKey() {
            String pem = System.getenv(variable);
            if (pem == null) {
                throw new IllegalStateException(variable + " is not set: run the tests with scripts/test");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            try {
                return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            } catch (Exception e) {
                throw new IllegalStateException(variable + " is not a PKCS#8 RSA key", e);
            }
        }

        /** The key id the server gives this key (RFC 7638 thumbprint of its public half). */
        public String kid() {
            return TestTokens.kid(privateKey());
        }
    }

    private static String kid(RSAPrivateCrtKey key) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new RSAKey.Builder(publicKey).build().computeThumbprint().toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot compute a key id", e);
        }
    }
}
