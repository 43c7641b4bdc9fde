package com.allocar.disputes;

import com.allocar.bookings.Booking;
import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notice;
import com.allocar.notifications.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells both parties of a booking what happens to a dispute about it (opened, investigated, resolved or rejected), in
 * the transaction of the step: once per step and party (event {@code dispute:<id>:<status>}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DisputeNotices {
    /** How much of a message a notification carries. */
    static final int EXCERPT = 120;

    @Inject
    Notifications notifications;

    /**
     * A message on the dispute: support's reaches both parties, a party's the other one (once per message and
     * recipient). The text travels shortened; the app opens the dispute for the rest.
     */
    void messaged(Dispute dispute, DisputeMessage message) {
        boolean fromSupport = message.getAuthorType() == DisputeMessage.Author.admin;
        String body = message.getBody();
        Map<String, Object> vars = Map.of("excerpt",
                body.length() > EXCERPT ? body.substring(0, EXCERPT - 1) + "…" : body);
        Map<String, String> data = Map.of("dispute_id", dispute.getId().toString(),
                "booking_id", dispute.getBookingId().toString(), "message_id", message.getId().toString());
        for (var party : List.of(dispute.getPassengerId(), dispute.getDriverId())) {
            if (fromSupport || !party.equals(message.getAuthorId())) {
                notifications.notify(Notice.of("dispute:" + dispute.getId() + ":message:" + message.getId(), party,
                        NotificationKind.dispute_message, vars, data));
            }
        }
    }

    void stepped(Dispute dispute, Booking booking) {
        NotificationKind kind = switch (dispute.getStatus()) {
            case open -> NotificationKind.dispute_opened;
            case investigating -> NotificationKind.dispute_investigating;
            case resolved -> NotificationKind.dispute_resolved;
            case rejected -> NotificationKind.dispute_rejected;
        };
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("route", booking.getTrip().getOriginText() + " → " + booking.getTrip().getDestinationText());
        vars.put("departure", booking.getTrip().getDepartureTime());
        vars.put("resolution", dispute.getResolution());
        if (dispute.getRefundAmount().signum() > 0) {
            vars.put("refund_amount", dispute.getRefundAmount());
        }
        Map<String, String> data = Map.of("dispute_id", dispute.getId().toString(),
                "booking_id", dispute.getBookingId().toString());
        for (var party : List.of(dispute.getPassengerId(), dispute.getDriverId())) {
            notifications.notify(Notice.of("dispute:" + dispute.getId() + ":" + dispute.getStatus(), party, kind,
                    vars, data));
        }
    }
}
