package com.allocar.messaging;

import com.allocar.bookings.BookingStatus;
import com.allocar.platform.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * When a booking's parties may write, and when their texts are masked (docs/messaging.md):
 * <ul>
 * <li>pending, accepted, paid: they may write; until paid (pending, accepted), phone numbers and e-mail addresses
 * are masked when the text is written;</li>
 * <li>completed: they may write for {@code messages.post_completion_days} (7) after the ride's end (a forgotten
 * bag, a late thank-you), then 409 {@code conflict} {@code reason: chat_closed};</li>
 * <li>cancelled: 409 {@code conflict} {@code reason: booking_cancelled}; the chat stays readable.</li>
 * </ul>
 */
final class ChatRules {
    private ChatRules() {
    }

    /** 409 conflict unless the parties of a booking in this state may write now. */
    static void requireOpen(BookingStatus status, Instant completedAt, Instant now, Duration afterCompletion) {
        if (status == BookingStatus.cancelled) {
            throw new ConflictException("This booking is cancelled: its chat can be read but takes no new message.",
                    Map.of("reason", "booking_cancelled", "status", status.name()));
        }
        if (status == BookingStatus.completed) {
            Instant closesAt = (completedAt == null ? now : completedAt).plus(afterCompletion);
            if (!now.isBefore(closesAt)) {
                throw new ConflictException("This ride ended more than " + afterCompletion.toDays() + " days ago: "
                        + "its chat can be read but takes no new message.",
                        Map.of("reason", "chat_closed", "status", status.name(), "closed_at", closesAt.toString()));
            }
        }
    }

    /** Whether a text written now is masked: until the booking is paid. */
    static boolean masks(BookingStatus status) {
        return status.unpaid();
    }
}
