package com.allocar.messaging;

import java.util.UUID;

/**
 * Whether a user follows a booking's chat live (an open socket), in which case a new message needs no push
 * ({@link LiveChatPresence}).
 */
public interface ChatPresence {
    boolean watching(UUID userId, UUID bookingId);
}
