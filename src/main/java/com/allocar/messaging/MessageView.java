package com.allocar.messaging;

import com.allocar.platform.storage.PresignedDownload;
import java.time.Instant;
import java.util.UUID;

/**
 * A chat message as the booking's parties see it. A text carries {@code text} (contact details masked if it was
 * written before the booking was paid: {@code masked}); an image carries {@code image_url}, a presigned GET valid
 * until {@code image_url_expires_at} (ask the page again for a new one). {@code read_at}: when the recipient marked
 * it read, null until then.
 */
public record MessageView(UUID id, UUID bookingId, UUID fromUserId, MessageType type, String text, String imageUrl,
                          Instant imageUrlExpiresAt, boolean masked, Instant readAt, Instant createdAt) {

    static MessageView text(Message message, UUID bookingId) {
        return new MessageView(message.getId(), bookingId, message.getFromUserId(),
                MessageType.text, message.getContent(), null, null, message.isMasked(), message.getReadAt(),
                message.getCreatedAt());
    }

    static MessageView image(Message message, UUID bookingId, PresignedDownload image) {
        return new MessageView(message.getId(), bookingId, message.getFromUserId(),
                MessageType.image, null, image.url(), image.expiresAt(), false, message.getReadAt(),
                message.getCreatedAt());
    }
}
