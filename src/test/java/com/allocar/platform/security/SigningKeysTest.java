package com.allocar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
    private static final KeyPair CURRENT = pair();
    private static final KeyPair PREVIOUS = pair();

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static SigningKeys keys(KeyPair signing, KeyPair published, KeyPair previous, String hashSecret) {
        SigningKeys keys = new SigningKeys();
        keys.privatePem = pem("PRIVATE KEY", signing.getPrivate().getEncoded());
        keys.publicPem = pem("PUBLIC KEY", published.getPublic().getEncoded());
        keys.previousPublicPem = previous == null ? " " : pem("PUBLIC KEY", previous.getPublic().getEncoded());
        keys.hashSecret = hashSecret;
        keys.load();
        return keys;
    }

    @Test
    void theJwkSetHasTheCurrentKeyFirstThenThePreviousOne() {
        SigningKeys keys = keys(CURRENT, CURRENT, PREVIOUS, " ");
        String currentKid = TokenKeySet.publicJwk(pem("PUBLIC KEY", CURRENT.getPublic().getEncoded()), "x").getKeyID();
        String previousKid = TokenKeySet.publicJwk(pem("PUBLIC KEY", PREVIOUS.getPublic().getEncoded()), "x").getKeyID();
        assertThat(keys.publicKeys().getKeys()).extracting(key -> key.getKeyID()).containsExactly(currentKid, previousKid);
        assertThat(keys.signingKey().getKeyID()).isEqualTo(currentKid);
        assertThat(keys.publicKeys().getKeys()).allMatch(key -> !key.isPrivate());
        assertThat(keys(CURRENT, CURRENT, CURRENT, " ").publicKeys().getKeys()).as("the same key once").hasSize(1);
    }

    @Test
    void aPrivateKeyThatDoesNotPairWithThePublicKeyStopsTheStart() {
        assertThatThrownBy(() -> keys(CURRENT, PREVIOUS, null, " ")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not one pair");
    }

    @Test
    void thePepperStaysWhenTheKeyRotatesOnceTheHashSecretIsSet() throws Exception {
        byte[] derived = MessageDigest.getInstance("SHA-256").digest(PREVIOUS.getPrivate().getEncoded());
        assertThat(keys(PREVIOUS, PREVIOUS, null, " ").pepper()).as("no secret: derived from the key").isEqualTo(derived);
        String pinned = Base64.getEncoder().encodeToString(derived);
        assertThat(keys(CURRENT, CURRENT, PREVIOUS, pinned).pepper()).as("after the rotation").isEqualTo(derived);
        assertThatThrownBy(() -> keys(CURRENT, CURRENT, null, "c2hvcnQ=")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
