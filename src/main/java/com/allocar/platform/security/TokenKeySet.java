package com.allocar.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The public keys that verify our access tokens: the current one ({@code ALLOCAR_JWT_PUBLIC_KEY}) and, during a
 * rotation, the previous one ({@code ALLOCAR_JWT_PREVIOUS_PUBLIC_KEY}). Each key's id is the RFC 7638 thumbprint
 * of its public half, so the {@code kid} of a token names exactly one of them. One definition serves both the
 * published JWK Set and MicroProfile JWT's verification keys, so they cannot disagree.
 */
public final class TokenKeySet {
    public static final String CURRENT = "ALLOCAR_JWT_PUBLIC_KEY";
    public static final String PREVIOUS = "ALLOCAR_JWT_PREVIOUS_PUBLIC_KEY";

    private TokenKeySet() {
    }

    /** The current key first, then the previous one when it is set and differs. */
    public static JWKSet of(String currentPem, String previousPem) {
        List<JWK> keys = new ArrayList<>();
        keys.add(publicJwk(currentPem, CURRENT));
        if (previousPem != null && !previousPem.isBlank()) {
            RSAKey previous = publicJwk(previousPem, PREVIOUS);
            if (!previous.getKeyID().equals(keys.get(0).getKeyID())) {
                keys.add(previous);
            }
        }
        return new JWKSet(keys);
    }

    /** A public RSA key as a JWK: use sig, alg RS256, kid its thumbprint. */
    public static RSAKey publicJwk(String pem, String setting) {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der(pem)));
            return withId(new RSAKey.Builder(key));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException(setting + " is not a PEM RSA public key: " + e.getMessage(), e);
        }
    }

    /** Completes a key (public, or public and private) with use, algorithm and its thumbprint as id. */
    static RSAKey withId(RSAKey.Builder key) {
        RSAKey built = key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        try {
            return new RSAKey.Builder(built).keyID(built.computeThumbprint().toString()).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute a key thumbprint", e);
        }
    }

    static byte[] der(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
