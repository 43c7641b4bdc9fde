package com.allocar.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The outbox's dedupe key of a notification: {@code event|user|channel}, and for push the device
 * ({@code |} and the first 16 hex digits of the token's SHA-256, so keys stay short and hold no token).
 */
final class DedupeKeys {
    private DedupeKeys() {
    }

    static String of(String event, UUID userId, OutboxChannel channel, String pushToken) {
        String key = event + "|" + userId + "|" + channel.name();
        return pushToken == null ? key : key + "|" + tokenHash(pushToken);
    }

    static String tokenHash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
