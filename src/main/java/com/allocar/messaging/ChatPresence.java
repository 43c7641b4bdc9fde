package com.allocar.messaging;

import java.util.UUID;

/**
 * Whether a user follows a booking's chat live (an open socket), in which case a new message needs no push. The
 * WebSocket endpoint of issue 14 point 2 will provide the real check (an {@code @Alternative} with a priority, or
 * a replacement of {@link NoLiveChat}); until then nobody is ever live, so every message may notify.
 */
public interface ChatPresence {
    boolean watching(UUID userId, UUID bookingId);
}
