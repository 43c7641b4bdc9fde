package com.allocar.realtime;

import java.util.UUID;

/**
 * What a socket's handshake decided: admitted as {@code userId} into {@code room}, or refused with a close code and
 * reason (docs/realtime.md, "Close codes"). A refused socket is opened, then closed at once with them: the WebSocket
 * API cannot answer a handshake with an HTTP error, and a close code reaches every client library.
 */
public record Admission(UUID userId, String room, int closeCode, String reason) {
    /** The ticket is missing, malformed, unknown, expired or used (4401). */
    public static final int UNAUTHORIZED = 4401;
    /** The ticket is for another room (4403). */
    public static final int FORBIDDEN = 4403;

    public static Admission admitted(UUID userId, String room) {
        return new Admission(userId, room, 0, null);
    }

    public static Admission refused(int closeCode, String reason) {
        return new Admission(null, null, closeCode, reason);
    }

    public boolean isAdmitted() {
        return userId != null;
    }
}
