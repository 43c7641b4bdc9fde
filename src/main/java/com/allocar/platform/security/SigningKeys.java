package com.allocar.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs our access tokens (PEM from {@code ALLOCAR_JWT_PRIVATE_KEY} and
 * {@code ALLOCAR_JWT_PUBLIC_KEY}). The key id is the RFC 7638 thumbprint of the public key, so it changes
 * exactly when the key does. Also derives the pepper that OTP and refresh-token hashes are keyed with.
 */
@ApplicationScoped
public class SigningKeys {
    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_PRIVATE_KEY", defaultValue = " ")
    String privatePem;

    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_PUBLIC_KEY", defaultValue = " ")
    String publicPem;

    private RSAKey key;
    private byte[] pepper;

    /** Reads the keys at start-up, so that a missing or broken key stops the start instead of a request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        signingKey();
    }

    @PostConstruct
    void load() {
        if (privatePem.isBlank() || publicPem.isBlank()) {
            throw new IllegalStateException("ALLOCAR_JWT_PRIVATE_KEY and ALLOCAR_JWT_PUBLIC_KEY must be set");
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(publicPem)));
            RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
            key = new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
            pepper = MessageDigest.getInstance("SHA-256").digest(privateKey.getEncoded());
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            throw new IllegalStateException("The token signing keys cannot be read: " + e.getMessage(), e);
        }
    }

    public RSAKey signingKey() {
        return key;
    }

    /** The public JWK Set published at /api/v1/auth/jwks. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /** A server-side secret for keyed hashes of short codes and tokens; never leaves the process. */
    public byte[] pepper() {
        return pepper.clone();
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
