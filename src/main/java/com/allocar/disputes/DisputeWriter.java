package com.allocar.disputes;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingService;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes disputes and their messages, each in one transaction with its audit row and notices. */
@ApplicationScoped
@Transactional
public class DisputeWriter {
    /** The most messages one dispute holds (parties and support together). */
    public static final int MAX_MESSAGES = 200;

    @Inject
    BookingService bookings;
    @Inject
    DisputeRepository disputes;
    @Inject
    DisputeNotices notices;
    @Inject
    AuditService audit;
    @Inject
    Settings settings;

    /**
     * Opens a dispute under the booking's row lock, so that two requests of one opener cannot both pass the "one
     * dispute in progress" check (the partial unique index backs it), and the booking's state is the one checked.
     */
    public Dispute open(UUID callerId, UUID bookingId, DisputeCategory category, String description, List<String> keys) {
        Booking booking = bookings.lockForParty(callerId, bookingId);
        DisputeRules.requireOpenable(booking, Instant.now(), settings.disputeWindow());
        disputes.active(bookingId, callerId).ifPresent(existing -> {
            throw new ConflictException("You already have a dispute in progress about this booking.",
                    Map.of("reason", "dispute_open", "dispute_id", existing.toString()));
        });
        Dispute dispute = new Dispute(bookingId, callerId, booking.getPassenger().getId(), booking.driverId(),
                category, description, keys);
        disputes.persist(dispute);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("booking_id", bookingId.toString());
        meta.put("category", category.name());
        meta.put("attachments", keys.size());
        audit.record(ActorType.user, callerId, "dispute.opened", "disputes", dispute.getId(), meta);
        notices.stepped(dispute, booking);
        return dispute;
    }

    /**
     * Adds a message under the dispute's row lock (the count stays within {@link #MAX_MESSAGES}). A party writes only
     * while the dispute is open or investigating; support writes until the end.
     */
    public DisputeMessage message(UUID disputeId, DisputeMessage.Author author, UUID authorId, String body) {
        Dispute dispute = disputes.lock(disputeId)
                .filter(d -> author == DisputeMessage.Author.admin || d.hasParty(authorId))
                .orElseThrow(() -> new NotFoundException("No such dispute."));
        if (author == DisputeMessage.Author.user && !dispute.getStatus().active()) {
            throw new ConflictException("The dispute is settled: it takes no more messages.",
                    Map.of("reason", "dispute_closed", "status", dispute.getStatus().name()));
        }
        if (disputes.messageCount(disputeId) >= MAX_MESSAGES) {
            throw new ConflictException("The dispute holds as many messages as it can.",
                    Map.of("reason", "message_limit", "limit", MAX_MESSAGES));
        }
        DisputeMessage message = new DisputeMessage(disputeId, author, authorId, body);
        disputes.persist(message);
        ActorType actor = author == DisputeMessage.Author.admin ? ActorType.admin : ActorType.user;
        audit.record(actor, authorId, "dispute.message_posted", "disputes", disputeId,
                Map.of("message_id", message.getId().toString(), "length", body.codePointCount(0, body.length())));
        notices.messaged(dispute, message);
        return message;
    }
}
