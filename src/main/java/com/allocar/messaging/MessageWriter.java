package com.allocar.messaging;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.settings.Settings;
import com.allocar.realtime.RealtimeNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a checked message in one transaction, under the booking's row lock: the booking's state is read under the
 * lock (a cancellation or a payment in progress is waited for), so the posting rules and the masking apply to the
 * state the message is written in; the message gets the booking's next number. The sockets hear of it through a
 * notification sent with the commit.
 */
@ApplicationScoped
public class MessageWriter {
    @Inject
    BookingService bookings;
    @Inject
    MessageRepository messages;
    @Inject
    Settings settings;
    @Inject
    ChatNotices notices;
    @Inject
    RealtimeNotifier notifier;

    private final Clock clock = Clock.systemUTC();

    /**
     * A text (masked when the booking is not paid yet) or an image (its object key, checked and uploaded). 409
     * {@code conflict} when the chat no longer takes messages, or the image was sent already
     * ({@code reason: upload_already_sent}, {@code message_id}).
     */
    @Transactional
    public Message append(UUID senderId, UUID bookingId, MessageType type, String content) {
        Booking booking = bookings.lockForParty(senderId, bookingId);
        ChatRules.requireOpen(booking.getStatus(), booking.getCompletedAt(), Instant.now(clock),
                settings.messagesAfterCompletion());
        String stored = content;
        boolean masked = false;
        if (type == MessageType.image) {
            messages.imageMessage(content).ifPresent(existing -> {
                throw new ConflictException("This image was sent already.",
                        Map.of("reason", "upload_already_sent", "message_id", existing.toString()));
            });
        } else if (ChatRules.masks(booking.getStatus())) {
            ContactMasking.Result result = ContactMasking.mask(content);
            stored = result.text();
            masked = result.masked();
        }
        Message message = new Message(booking, messages.nextSeq(bookingId), senderId, type, stored, masked);
        messages.add(message);
        notices.written(booking, message);
        // Every instance's sockets of this booking get the message once this commits (pg_notify is delivered on
        // commit, and never for a rollback); they read it from the table (docs/realtime.md).
        notifier.publish(ChatTopic.MESSAGE, message.getId());
        return message;
    }
}
