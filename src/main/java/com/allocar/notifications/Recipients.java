package com.allocar.notifications;

import java.util.Optional;
import java.util.UUID;

/**
 * How notifications reach a user: implemented by identity, which owns the accounts (notifications sits below it and
 * knows no user table).
 */
public interface Recipients {

    /**
     * The user's verified contacts and language.
     *
     * @param phone    an E.164 number the user proved, or null
     * @param email    an address the user proved, or null
     * @param language {@code fr} or {@code en}
     * @param active   false for a suspended account, which is told nothing
     */
    record Recipient(String phone, String email, String language, boolean active) {
    }

    Optional<Recipient> find(UUID userId);
}
