package com.allocar.bookings;

import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notice;
import com.allocar.notifications.Notifications;
import com.allocar.trips.Trip;
import com.allocar.trips.TripStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reminder of one trip that is due now, to its driver and each paid passenger, in one transaction. */
@ApplicationScoped
public class TripReminder {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingRepository bookings;
    @Inject
    Notifications notifications;

    /** Returns how many people were reminded now (0 when they were already, or nothing is due). */
    @Transactional
    public int remind(UUID tripId, Instant now) {
        Trip trip = em.find(Trip.class, tripId);
        if (trip == null || trip.getStatus() != TripStatus.published || !trip.getDepartureTime().isAfter(now)) {
            return 0;
        }
        Duration ahead = Duration.between(now, trip.getDepartureTime());
        if (ahead.compareTo(DepartureReminders.DAY_BEFORE) > 0) {
            return 0;
        }
        boolean soon = ahead.compareTo(DepartureReminders.SHORTLY_BEFORE) <= 0;
        NotificationKind kind = soon ? NotificationKind.trip_reminder_2h : NotificationKind.trip_reminder_24h;
        String event = eventKey(soon, tripId, trip.getDepartureTime());
        List<Booking> paid = bookings.allOf(tripId, List.of(BookingStatus.paid));
        if (paid.isEmpty()) {
            return 0;
        }
        int reminded = 0;
        Map<String, String> tripData = Map.of("trip_id", tripId.toString());
        if (notifications.notify(Notice.of(event, trip.getDriver().getId(), kind, BookingNotices.vars(paid.get(0), null),
                tripData))) {
            reminded++;
        }
        for (Booking booking : paid) {
            if (notifications.notify(Notice.of(event, booking.getPassenger().getId(), kind,
                    BookingNotices.vars(booking, null), BookingNotices.data(booking)))) {
                reminded++;
            }
        }
        return reminded;
    }

    /** Both reminders' event keys for the trip's departure time. */
    static java.util.List<String> eventKeys(UUID tripId, Instant departure) {
        return java.util.List.of(eventKey(false, tripId, departure), eventKey(true, tripId, departure));
    }

    /** {@code reminder-2h:<trip>:<departure epoch second>}: a new departure time is a new reminder. */
    static String eventKey(boolean soon, UUID tripId, Instant departure) {
        return "reminder-" + (soon ? "2h" : "24h") + ":" + tripId + ":" + departure.getEpochSecond();
    }
}
