package com.allocar.bookings;

import com.allocar.identity.User;
import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notice;
import com.allocar.notifications.Notifications;
import com.allocar.trips.Trip;
import com.allocar.trips.TripAmended;
import com.allocar.trips.TripStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.util.logging.Logger;

/**
 * Tells the other party of every booking transition, and the passengers of a changed or cancelled trip
 * (docs/notifications.md has the table): queued in the transition's transaction through the outbox, so a
 * notification goes out exactly when its cause commits, at most once per event and person.
 */
@ApplicationScoped
public class BookingNotices {
    private static final Logger LOG = Logger.getLogger(BookingNotices.class.getName());
    /** Reasons that are codes or defaults of ours rather than words of a person: not quoted to the reader. */
    private static final Set<String> UNQUOTED = Set.of("Cancelled by the driver", "Cancelled by the passenger",
            "Deleted by the driver");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingRepository bookings;
    @Inject
    Notifications notifications;

    void onTransition(@Observes BookingChanged change) {
        Booking booking = em.find(Booking.class, change.bookingId());
        Trip trip = booking.getTrip();
        User passenger = booking.getPassenger();
        User driver = trip.getDriver();
        String event = "booking:" + booking.getId() + ":" + change.to().name();
        switch (change.to()) {
            case pending -> send(event, driver, NotificationKind.booking_requested, booking);
            case accepted -> send(event, passenger, NotificationKind.booking_accepted, booking);
            case paid -> {
                send(event, passenger, NotificationKind.booking_paid, booking);
                send(event, driver, NotificationKind.passenger_paid, booking);
            }
            case cancelled -> cancelled(event, booking, change.from());
            case completed -> {
                // the ride is over: the app asks for ratings, no message needed
            }
        }
    }

    private void cancelled(String event, Booking booking, BookingStatus from) {
        Trip trip = booking.getTrip();
        // a reminder held by quiet hours (or waiting for a retry) never reaches a cancelled booking's passenger
        notifications.withdraw(booking.getPassenger().getId(), TripReminder.eventKeys(trip.getId(),
                trip.getDepartureTime()));
        if (trip.getStatus() == TripStatus.cancelled) {
            notifications.withdraw(trip.getDriver().getId(), TripReminder.eventKeys(trip.getId(),
                    trip.getDepartureTime()));
            send(event, booking.getPassenger(), NotificationKind.trip_cancelled, booking, quoted(trip.getCancelReason()));
            return;
        }
        CancelledBy by = booking.getCancelledBy() == null ? CancelledBy.system : booking.getCancelledBy();
        String reason = quoted(booking.getCancelReason());
        switch (by) {
            case passenger -> send(event, trip.getDriver(), NotificationKind.passenger_cancelled, booking);
            case driver -> send(event, booking.getPassenger(), from == BookingStatus.pending
                    ? NotificationKind.booking_rejected : NotificationKind.booking_cancelled, booking, reason);
            case admin -> send(event, booking.getPassenger(), NotificationKind.booking_cancelled, booking, reason);
            case system -> send(event, booking.getPassenger(), from == BookingStatus.paid
                    ? NotificationKind.booking_cancelled : NotificationKind.booking_expired, booking);
        }
    }

    /** The driver changed the trip: its passengers with an open booking hear of it. */
    void onTripAmended(@Observes TripAmended amended) {
        for (Booking booking : bookings.allOf(amended.tripId(),
                List.of(BookingStatus.pending, BookingStatus.accepted, BookingStatus.paid))) {
            Map<String, String> data = new HashMap<>(data(booking));
            data.put("changed", String.join(",", amended.changed()));
            notify(Notice.of("trip-changed:" + amended.changeId(), booking.getPassenger().getId(),
                    NotificationKind.trip_changed, vars(booking, null), data));
        }
    }

    private void send(String event, User to, NotificationKind kind, Booking booking) {
        send(event, to, kind, booking, null);
    }

    private void send(String event, User to, NotificationKind kind, Booking booking, String reason) {
        notify(Notice.of(event, to.getId(), kind, vars(booking, reason), data(booking)));
    }

    private void notify(Notice notice) {
        try {
            notifications.notify(notice);
        } catch (IllegalArgumentException e) {
            // an unusable notice must not undo the booking's change; the app still shows it
            LOG.warning("Booking notice " + notice.kind() + " not queued for user " + notice.userId() + ": "
                    + e.getMessage());
        }
    }

    /** The placeholders of the booking templates. */
    static Map<String, Object> vars(Booking booking, String reason) {
        Trip trip = booking.getTrip();
        Map<String, Object> vars = new HashMap<>();
        vars.put("route", trip.getOriginText() + " → " + trip.getDestinationText());
        vars.put("departure", trip.getDepartureTime());
        vars.put("seats", booking.getSeats());
        vars.put("amount", booking.getAmountTotal());
        vars.put("passenger", name(booking.getPassenger()));
        vars.put("driver", name(trip.getDriver()));
        vars.put("reason", reason);
        return vars;
    }

    static Map<String, String> data(Booking booking) {
        return Map.of("booking_id", booking.getId().toString(), "trip_id", booking.getTrip().getId().toString());
    }

    private static String name(User user) {
        return user.getFirstName() == null || user.getFirstName().isBlank() ? "Un passager" : user.getFirstName();
    }

    /** A reason a person wrote, worth quoting; codes and our own defaults are not. */
    static String quoted(String reason) {
        if (reason == null || reason.isBlank() || UNQUOTED.contains(reason) || reason.matches("[a-z_]+")) {
            return null;
        }
        String text = reason.startsWith("Trip cancelled: ") ? reason.substring("Trip cancelled: ".length()) : reason;
        return UNQUOTED.contains(text) || text.isBlank() ? null : text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }

}
