package com.allocar.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs our access tokens (PEM from {@code ALLOCAR_JWT_PRIVATE_KEY} and
 * {@code ALLOCAR_JWT_PUBLIC_KEY}), and the previous public key still accepted during a rotation
 * ({@code ALLOCAR_JWT_PREVIOUS_PUBLIC_KEY}, see {@link TokenKeySet}). Also holds the pepper that OTP, refresh-token
 * and booking-QR hashes are keyed with: {@code ALLOCAR_HASH_SECRET}, or, when that is unset, a digest of the private
 * key (how it always was; such an installation sets the secret to that digest before its first rotation, see
 * docs/runbooks/jwt-key-rotation.md, since a new pepper would void every refresh token and QR code).
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    private static final int MIN_SECRET_BYTES = 32;

    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_PRIVATE_KEY", defaultValue = " ")
    String privatePem;

    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_PUBLIC_KEY", defaultValue = " ")
    String publicPem;

    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_PREVIOUS_PUBLIC_KEY", defaultValue = " ")
    String previousPublicPem;

    @Inject
    @ConfigProperty(name = "ALLOCAR_HASH_SECRET", defaultValue = " ")
    String hashSecret;

    private RSAKey key;
    private JWKSet publicKeys;
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
        RSAKey publicKey = TokenKeySet.publicJwk(publicPem, TokenKeySet.CURRENT);
        try {
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(TokenKeySet.der(privatePem)));
            // A rotation that pairs a new private key with the old public key would sign tokens nobody can verify.
            if (!privateKey.getModulus().equals(publicKey.getModulus().decodeToBigInteger())) {
                throw new IllegalStateException("ALLOCAR_JWT_PRIVATE_KEY and ALLOCAR_JWT_PUBLIC_KEY are not one pair");
            }
            key = TokenKeySet.withId(new RSAKey.Builder(publicKey.toRSAPublicKey()).privateKey(privateKey));
            pepper = hashSecret.isBlank() ? MessageDigest.getInstance("SHA-256").digest(privateKey.getEncoded())
                    : secret(hashSecret);
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The token signing keys cannot be read: " + e.getMessage(), e);
        }
        publicKeys = TokenKeySet.of(publicPem, previousPublicPem);
        if (hashSecret.isBlank()) {
            LOG.info("ALLOCAR_HASH_SECRET is not set: hashes are keyed with a digest of the signing key; set it "
                    + "before rotating the key (docs/runbooks/jwt-key-rotation.md)");
        }
    }

    public RSAKey signingKey() {
        return key;
    }

    /** The public JWK Set published at /api/v1/auth/jwks: the current key, and the previous one during a rotation. */
    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** A server-side secret for keyed hashes of short codes and tokens; never leaves the process. */
    public byte[] pepper() {
        return pepper.clone();
    }

    private static byte[] secret(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ALLOCAR_HASH_SECRET must be Base64", e);
        }
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("ALLOCAR_HASH_SECRET must hold at least " + MIN_SECRET_BYTES + " bytes");
        }
        return bytes;
    }
}
