package com.allocar.payments.provider;

import com.allocar.platform.errors.WebhookInvalidSignatureException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature scheme Wave ({@code Wave-Signature}) and Stripe ({@code Stripe-Signature}) share: a header
 * {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…]} where each {@code v1} is a lowercase hex HMAC-SHA256, keyed with
 * the webhook secret, of the timestamp text, a separator (Wave: none; Stripe: {@code "."}) and the raw body
 * bytes. Any {@code v1} may match (secret rotation: each is compared, in constant time, with
 * {@link MessageDigest#isEqual}); other schemes ({@code v0}) are ignored. The timestamp must be at most
 * {@link #TOLERANCE} old and at most {@link #FUTURE_SKEW} ahead of {@code now}.
 */
public final class TimestampedSignature {
    public static final Duration TOLERANCE = Duration.ofSeconds(300);
    public static final Duration FUTURE_SKEW = Duration.ofSeconds(30);
    public static final byte[] NO_SEPARATOR = new byte[0];
    public static final byte[] DOT = {'.'};
    private static final int MAX_HEADER_LENGTH = 4096;
    private static final int MAX_SIGNATURES = 16;
    private static final int SHA256_BYTES = 32;

    private TimestampedSignature() {
    }

    /** A parsed header: the timestamp and the candidate signatures. */
    record Parsed(long timestamp, String timestampText, List<String> signatures) {
    }

    /**
     * Verifies {@code header} over {@code body}; returns the signed timestamp.
     *
     * @throws WebhookInvalidSignatureException with {@code details.reason} {@code missing}, {@code malformed},
     *                                          {@code mismatch}, {@code stale} or {@code future}
     */
    public static Instant verify(String headerName, String header, byte[] body, byte[] secret, byte[] separator,
                                 Instant now) {
        Parsed parsed = parse(headerName, header);
        byte[] expected = hmac(secret, parsed.timestampText().getBytes(StandardCharsets.US_ASCII), separator, body);
        boolean matched = false;
        for (String candidate : parsed.signatures()) {
            byte[] given = decodeHex(candidate);
            // every candidate is compared: no early exit telling which one matched
            matched |= given != null && MessageDigest.isEqual(expected, given);
        }
        if (!matched) {
            throw invalid("mismatch", "The " + headerName + " signature does not match.");
        }
        Instant signedAt = Instant.ofEpochSecond(parsed.timestamp());
        if (signedAt.isBefore(now.minus(TOLERANCE))) {
            throw invalid("stale", "The " + headerName + " timestamp is too old.");
        }
        if (signedAt.isAfter(now.plus(FUTURE_SKEW))) {
            throw invalid("future", "The " + headerName + " timestamp is in the future.");
        }
        return signedAt;
    }

    /** {@code t=<timestamp>,v1=<hex>}: what a provider sends (for tests and stand-ins). */
    public static String header(byte[] secret, long timestamp, byte[] separator, byte[] body) {
        String t = Long.toString(timestamp);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(
                hmac(secret, t.getBytes(StandardCharsets.US_ASCII), separator, body));
    }

    static Parsed parse(String headerName, String header) {
        if (header == null || header.isBlank()) {
            throw invalid("missing", "The " + headerName + " header is missing.");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw malformed(headerName);
        }
        String timestampText = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw malformed(headerName);
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if ("t".equals(key)) {
                if (timestampText != null || !value.matches("[0-9]{1,12}")) {
                    throw malformed(headerName);
                }
                timestampText = value;
            } else if ("v1".equals(key)) {
                signatures.add(value);
            }
        }
        if (timestampText == null || signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw malformed(headerName);
        }
        return new Parsed(Long.parseLong(timestampText), timestampText, List.copyOf(signatures));
    }

    /** HMAC-SHA256 of the parts, concatenated, keyed with {@code secret}. */
    public static byte[] hmac(byte[] secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether two secrets or tokens are equal, in time independent of where they differ. */
    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decodeHex(String text) {
        if (text.length() != SHA256_BYTES * 2) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static WebhookInvalidSignatureException malformed(String headerName) {
        return invalid("malformed", "The " + headerName + " header is malformed.");
    }

    /** A 401 {@code webhook_invalid_signature} with {@code details.reason}. */
    public static WebhookInvalidSignatureException invalid(String reason, String message) {
        return new WebhookInvalidSignatureException(message, Map.of("reason", reason));
    }
}
