package com.allocar.notifications;

import java.util.UUID;

/**
 * An outbox row the worker has claimed ({@code status = 'sending'}); {@code attempts} counts this attempt
 * and fences the claim: a later write about it applies only while the row still carries this number.
 *
 * @param payload  the channel's data as JSON text (push: data, and the SMS to fall back to), or null
 * @param userId   the user a notification is for (null for a message to a bare address, such as a sign-in code)
 * @param eventKey the event it tells of (null likewise)
 */
public record ClaimedMessage(UUID id, OutboxChannel channel, String recipient, String subject, String body,
                             int attempts, String payload, UUID userId, String eventKey) {

    public ClaimedMessage(UUID id, OutboxChannel channel, String recipient, String subject, String body, int attempts) {
        this(id, channel, recipient, subject, body, attempts, null, null, null);
    }

    @Override
    public String toString() {
        return "outbox message " + id + " (" + channel + " to " + LogMask.recipient(channel, recipient)
                + ", attempt " + attempts + ")";
    }
}
