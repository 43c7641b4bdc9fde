package com.allocar.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.allocar.testsupport.Refusals.reasonOf;

import com.allocar.platform.errors.WebhookInvalidSignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The t=…,v1=… scheme of Wave (no separator) and Stripe ("." separator), checked against an independent HMAC. */
class TimestampedSignatureTest {
    private static final byte[] SECRET = "wave_ci_WHS_s3cr3t".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"id\":\"EV_1\",\"type\":\"checkout.session.completed\"}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final Instant NOW = Instant.ofEpochSecond(T + 10);

    /** HMAC-SHA256 hex of the message, computed here without the class under test. */
    static String hmacHex(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static Instant verifyWave(String header, byte[] body, Instant now) {
        return TimestampedSignature.verify("Wave-Signature", header, body, SECRET, TimestampedSignature.NO_SEPARATOR, now);
    }


    @Test
    void waveSignsTheTimestampImmediatelyFollowedByTheRawBody() throws Exception {
        String v1 = hmacHex(SECRET, T + new String(BODY, StandardCharsets.UTF_8));
        assertThat(verifyWave("t=" + T + ",v1=" + v1, BODY, NOW)).isEqualTo(Instant.ofEpochSecond(T));
        assertThat(TimestampedSignature.header(SECRET, T, TimestampedSignature.NO_SEPARATOR, BODY))
                .isEqualTo("t=" + T + ",v1=" + v1);
    }

    @Test
    void stripeSignsTimestampDotBody() throws Exception {
        byte[] secret = "whsec_test".getBytes(StandardCharsets.UTF_8);
        String v1 = hmacHex(secret, T + "." + new String(BODY, StandardCharsets.UTF_8));
        assertThat(TimestampedSignature.verify("Stripe-Signature", "t=" + T + ",v1=" + v1 + ",v0=deadbeef", BODY, secret,
                TimestampedSignature.DOT, NOW)).isEqualTo(Instant.ofEpochSecond(T));
        // the same secret's Wave-style signature (no dot) is not a Stripe signature
        String waveStyle = hmacHex(secret, T + new String(BODY, StandardCharsets.UTF_8));
        assertThat(reasonOf(() -> TimestampedSignature.verify("Stripe-Signature", "t=" + T + ",v1=" + waveStyle, BODY,
                secret, TimestampedSignature.DOT, NOW))).isEqualTo("mismatch");
    }

    @Test
    void anyOfSeveralV1MayMatch() throws Exception {
        String good = hmacHex(SECRET, T + new String(BODY, StandardCharsets.UTF_8));
        String old = hmacHex("previous-secret".getBytes(StandardCharsets.UTF_8), T + new String(BODY, StandardCharsets.UTF_8));
        verifyWave("t=" + T + ",v1=" + old + ",v1=" + good, BODY, NOW);
        verifyWave("t=" + T + ", v1=" + good + ", v1=" + old, BODY, NOW);
        verifyWave("v1=" + "0".repeat(64) + ",t=" + T + ",v1=" + good.toUpperCase(), BODY, NOW);
        assertThat(reasonOf(() -> verifyWave("t=" + T + ",v1=" + old + ",v1=" + "ab".repeat(32), BODY, NOW)))
                .isEqualTo("mismatch");
    }

    @Test
    void aTamperedBodyIsRefused() {
        String header = TimestampedSignature.header(SECRET, T, TimestampedSignature.NO_SEPARATOR, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("EV_1", "EV_2").getBytes(StandardCharsets.UTF_8);
        assertThat(reasonOf(() -> verifyWave(header, tampered, NOW))).isEqualTo("mismatch");
        byte[] reformatted = new String(BODY, StandardCharsets.UTF_8).replace(":", ": ").getBytes(StandardCharsets.UTF_8);
        assertThat(reasonOf(() -> verifyWave(header, reformatted, NOW))).isEqualTo("mismatch");
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        String header = TimestampedSignature.header("not-the-secret".getBytes(StandardCharsets.UTF_8), T,
                TimestampedSignature.NO_SEPARATOR, BODY);
        assertThat(reasonOf(() -> verifyWave(header, BODY, NOW))).isEqualTo("mismatch");
    }

    @Test
    void theTimestampIsSignedToo() {
        String header = TimestampedSignature.header(SECRET, T, TimestampedSignature.NO_SEPARATOR, BODY);
        String replayed = header.replace("t=" + T, "t=" + (T + 5));
        assertThat(reasonOf(() -> verifyWave(replayed, BODY, NOW))).isEqualTo("mismatch");
    }

    @Test
    void fiveMinutesOldAtMost() {
        String header = TimestampedSignature.header(SECRET, T, TimestampedSignature.NO_SEPARATOR, BODY);
        verifyWave(header, BODY, Instant.ofEpochSecond(T + 300));
        assertThat(reasonOf(() -> verifyWave(header, BODY, Instant.ofEpochSecond(T + 301)))).isEqualTo("stale");
        assertThat(reasonOf(() -> verifyWave(header, BODY, Instant.ofEpochSecond(T + 86_400)))).isEqualTo("stale");
    }

    @Test
    void thirtySecondsAheadAtMost() {
        String header = TimestampedSignature.header(SECRET, T, TimestampedSignature.NO_SEPARATOR, BODY);
        verifyWave(header, BODY, Instant.ofEpochSecond(T - 30));
        assertThat(reasonOf(() -> verifyWave(header, BODY, Instant.ofEpochSecond(T - 31)))).isEqualTo("future");
    }

    @Test
    void aMissingHeaderIsRefused() {
        assertThat(reasonOf(() -> verifyWave(null, BODY, NOW))).isEqualTo("missing");
        assertThat(reasonOf(() -> verifyWave("  ", BODY, NOW))).isEqualTo("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "t=1767225600", "v1=abcdef", "t=,v1=ab", "t=abc,v1=ab", "t=-5,v1=ab",
            "t=1767225600,t=1767225600,v1=ab", "t=1767225600;v1=ab", "=1767225600,v1=ab", "t=1767225600,v0=ab",
            "t=12345678901234,v1=ab"})
    void malformedHeadersAreRefused(String header) {
        assertThat(reasonOf(() -> verifyWave(header, BODY, NOW))).isEqualTo("malformed");
    }

    @Test
    void signaturesOfTheWrongLengthOrNotHexNeverMatch() {
        String good = TimestampedSignature.header(SECRET, T, TimestampedSignature.NO_SEPARATOR, BODY).split("v1=")[1];
        assertThat(reasonOf(() -> verifyWave("t=" + T + ",v1=" + good.substring(0, 62), BODY, NOW))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> verifyWave("t=" + T + ",v1=" + "zz" + good.substring(2), BODY, NOW))).isEqualTo("mismatch");
        assertThat(reasonOf(() -> verifyWave("t=" + T + ",v1=", BODY, NOW))).isEqualTo("mismatch");
    }

    @Test
    void tokensAreComparedWhole() {
        assertThat(TimestampedSignature.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(TimestampedSignature.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(TimestampedSignature.constantTimeEquals("abc", "ab")).isFalse();
        assertThat(TimestampedSignature.constantTimeEquals(null, "ab")).isFalse();
        assertThatThrownBy(() -> verifyWave("t=" + T + ",v1=" + "a".repeat(64) + ",v1=x".repeat(20), BODY, NOW))
                .isInstanceOf(WebhookInvalidSignatureException.class);
    }
}
