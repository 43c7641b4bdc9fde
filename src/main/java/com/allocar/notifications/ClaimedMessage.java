package com.allocar.notifications;

import java.util.UUID;

/**
 * An outbox row the worker has claimed ({@code status = 'sending'}); {@code attempts} counts this attempt
 * and fences the claim: a later write about it applies only while the row still carries this number.
 */
public record ClaimedMessage(UUID id, OutboxChannel channel, String recipient, String subject, String body,
                             int attempts) {
    @Override
    public String toString() {
        return "outbox message " + id + " (" + channel + " to " + LogMask.recipient(channel, recipient)
                + ", attempt " + attempts + ")";
    }
}
