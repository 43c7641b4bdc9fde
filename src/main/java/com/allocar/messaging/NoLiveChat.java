package com.allocar.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The chat has no socket yet (REST only): nobody watches it live. */
@ApplicationScoped
public class NoLiveChat implements ChatPresence {
    @Override
    public boolean watching(UUID userId, UUID bookingId) {
        return false;
    }
}
