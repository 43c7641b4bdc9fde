package com.allocar.bookings;

import com.allocar.identity.User;
import com.allocar.notifications.Notifications;
import com.allocar.trips.Trip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Logger;

/**
 * Tells the other party of every booking transition that asks something of them or changes their plans: a new
 * request (driver), an acceptance (passenger), a payment (driver), a cancellation (whoever did not cancel). Queued
 * in the transition's transaction through the outbox, so a message goes out exactly when the change commits; by
 * SMS to the phone, or by mail when the account has only an address.
 */
@ApplicationScoped
public class BookingNotices {
    private static final Logger LOG = Logger.getLogger(BookingNotices.class.getName());
    /** Côte d'Ivoire's time, the one in which riders read their departure. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM 'à' HH'h'mm")
            .withZone(ZoneId.of("Africa/Abidjan"));

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Notifications notifications;

    void onTransition(@Observes BookingChanged change) {
        Booking booking = em.find(Booking.class, change.bookingId());
        Trip trip = booking.getTrip();
        String route = trip.getOriginText() + " → " + trip.getDestinationText() + " le "
                + WHEN.format(trip.getDepartureTime());
        String seats = booking.getSeats() + (booking.getSeats() == 1 ? " place" : " places");
        switch (change.to()) {
            case pending -> send(trip.getDriver(), "Nouvelle demande de " + seats + " pour " + route
                    + ". Répondez dans l'application AlloCar.");
            case accepted -> send(booking.getPassenger(), "Votre réservation " + route + " est acceptée. Payez-la "
                    + "dans l'application AlloCar pour garder votre place.");
            case paid -> send(trip.getDriver(), booking.getPassenger().getFirstName() + " a payé " + seats + " pour "
                    + route + ".");
            case cancelled -> send(booking.getCancelledBy() == CancelledBy.passenger ? trip.getDriver()
                    : booking.getPassenger(), "La réservation " + route + " est annulée"
                    + (booking.getCancelReason() == null ? "." : " : " + booking.getCancelReason() + "."));
            case completed -> {
                // the ride is over: the app asks for ratings, no message needed
            }
        }
    }

    private void send(User to, String text) {
        String message = "AlloCar : " + text;
        try {
            if (to.getPhone() != null) {
                notifications.sms(to.getPhone(), message);
            } else if (to.getEmail() != null) {
                notifications.email(to.getEmail(), "AlloCar : votre réservation", message);
            }
        } catch (IllegalArgumentException e) {
            // an unusable contact must not undo the booking's change; the app still shows it
            LOG.warning("Booking notice not queued for user " + to.getId() + ": " + e.getMessage());
        }
    }
}
