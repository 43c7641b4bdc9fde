package com.allocar.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of a chat page ({@code before}, {@code next_before}): where older messages start, as a
 * message's number within its booking. Numbers are given in commit order and never reused, so a page asked with
 * a cursor holds the same messages however many are written meanwhile. Clients pass it back as they got it; its
 * form may change.
 */
public final class MessageCursor {
    private static final String PREFIX = "m1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far longer than any cursor we make; longer input is refused before decoding. */
    private static final int MAX_LENGTH = 64;

    private MessageCursor() {
    }

    /** The cursor of the messages before (older than) the message numbered {@code seq}. */
    public static String before(long seq) {
        return ENCODER.encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The message number a cursor names, or empty when it is not one of ours. */
    public static Optional<Long> parse(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX) || !text.substring(PREFIX.length()).matches("[1-9][0-9]{0,17}")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
