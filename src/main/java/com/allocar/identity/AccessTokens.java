package com.allocar.identity;

import com.allocar.platform.security.Caller;
import com.allocar.platform.security.SigningKeys;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs our short-lived RS256 access tokens (AUTH-3), verified by MicroProfile JWT on every request. */
@ApplicationScoped
public class AccessTokens {
    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_ISSUER", defaultValue = "https://api.allocar.ci")
    String issuer;

    /** {@code aud}: MicroProfile JWT refuses tokens without it ({@code mp.jwt.verify.audiences}). */
    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_AUDIENCE", defaultValue = "allocar-api")
    String audience;

    @Inject
    @ConfigProperty(name = "ALLOCAR_ACCESS_TOKEN_TTL_SECONDS", defaultValue = "900")
    long ttlSeconds;

    public long ttlSeconds() {
        return ttlSeconds;
    }

    /** A user's token: groups {@code user} (+ {@code driver}). */
    public String forUser(UUID userId, boolean driver, UUID sessionId) {
        List<String> groups = driver ? List.of(Caller.USER, Caller.DRIVER) : List.of(Caller.USER);
        return sign(userId, groups, null, sessionId);
    }

    /** An admin's token: group {@code admin} and the role claim that the role matrix reads. */
    public String forAdmin(UUID adminId, String role, UUID sessionId) {
        return sign(adminId, List.of(Caller.ADMIN), role, sessionId);
    }

    private String sign(UUID subject, List<String> groups, String role, UUID sessionId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject.toString())
                .claim("upn", subject.toString())
                .claim("groups", groups)
                .claim(Caller.SESSION_CLAIM, sessionId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
                .jwtID(UUID.randomUUID().toString());
        if (role != null) {
            claims.claim(Caller.ROLE_CLAIM, role);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.signingKey().getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }
}
