package com.allocar.messaging;

import com.allocar.bookings.Booking;
import com.allocar.identity.User;
import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notice;
import com.allocar.notifications.Notifications;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

import java.util.logging.Logger;

/**
 * Tells the other party of a new chat message, in the message's transaction, unless they follow the chat live
 * ({@link ChatPresence}). Messages coalesce: at most one notification per booking and recipient per window of
 * {@code notifications.chat_coalesce_minutes} (the window is a fixed slot of the clock, so the rule needs no read:
 * the slot is part of the event key). Push only; the text shown is the stored one, masked as the chat masks it.
 */
@ApplicationScoped
public class ChatNotices {
    static final int PREVIEW = 120;
    private static final Logger LOG = Logger.getLogger(ChatNotices.class.getName());

    @Inject
    Notifications notifications;
    @Inject
    ChatPresence presence;
    @Inject
    Settings settings;

    void written(Booking booking, Message message) {
        User passenger = booking.getPassenger();
        User driver = booking.getTrip().getDriver();
        boolean fromPassenger = passenger.getId().equals(message.getFromUserId());
        User recipient = fromPassenger ? driver : passenger;
        User sender = fromPassenger ? passenger : driver;
        if (presence.watching(recipient.getId(), booking.getId())) {
            return;
        }
        long slot = slot(message.getCreatedAt().toEpochMilli(), settings.chatNotificationWindow());
        String preview = message.getType() == MessageType.image ? "📷" : preview(message.getContent());
        try {
            notifications.notify(Notice.of("chat:" + booking.getId() + ":" + slot, recipient.getId(),
                    NotificationKind.chat_message,
                    Map.of("sender", sender.getFirstName() == null ? "AlloCar" : sender.getFirstName(),
                            "preview", preview),
                    Map.of("booking_id", booking.getId().toString(), "message_id", message.getId().toString())));
        } catch (IllegalArgumentException e) {
            LOG.warning("Chat notice not queued for user " + recipient.getId() + ": " + e.getMessage());
        }
    }

    static long slot(long epochMillis, Duration window) {
        return Math.floorDiv(epochMillis, Math.max(1, window.toMillis()));
    }

    static String preview(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "…";
    }

}
