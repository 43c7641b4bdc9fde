package com.allocar.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
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

    public static String sign(String subject, List<String> groups, String role, String issuer, Instant expiry) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject + "\","
                + "\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "],"
                + (role == null ? "" : "\"role\":\"" + role + "\",")
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

    private static PrivateKey privateKey() throws Exception {
        String pem = System.getenv("ALLOCAR_JWT_PRIVATE_KEY");
        if (pem == null) {
            throw new IllegalStateException("ALLOCAR_JWT_PRIVATE_KEY is not set: run the tests with scripts/test");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
