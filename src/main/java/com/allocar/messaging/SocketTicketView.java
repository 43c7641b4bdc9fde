package com.allocar.messaging;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A socket ticket: open {@code path} (on the API's host, {@code wss://}) before {@code expires_at}, offering
 * {@code protocols} in {@code Sec-WebSocket-Protocol}; the ticket admits once.
 */
public record SocketTicketView(
        @Schema(description = "One-use, 43 characters (base64url)",
                example = "Jd0k2n7W0mB4c9sXq3hE5rT1yU8iO6pA2sD4fG7hJ9k")
        String ticket,
        @Schema(description = "The socket's path", example = "/ws/bookings/5f0c3b1e-8d7a-4b4e-9a53-2c1b0a9e7d61")
        String path,
        @Schema(description = "The subprotocols to offer, in this order: allocar.v1 and ticket.<ticket>")
        List<String> protocols,
        Instant expiresAt) {
}
