package com.allocar.alerts;

import com.allocar.notifications.Notice;
import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notifications;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.trips.TripChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the users whose alerts a published trip matches (issue 14 point 6). Runs after the trip's change committed,
 * on the managed executor, never inside the publishing transaction: a publish is never slowed or rolled back by its
 * alerts. A trip matches an alert the way the search matches it, through its legs (origin, stops, destination:
 * {@code trip_search_legs}): pickup within the alert's radius of its start, drop-off within it of its end, departure on
 * one of its days (UTC), enough seats left. A user is told once per trip (the notice's event is the trip), however many
 * of their alerts match and however often the trip changes; the driver is never told of their own trip.
 */
@ApplicationScoped
public class AlertMatcher {
    private static final Logger LOG = Logger.getLogger(AlertMatcher.class.getName());
    /** Alerts reach at most this far (the largest radius_km): it lets the GiST index of trip_alerts serve the match. */
    static final int MAX_RADIUS_M = 100_000;
    private static final String MATCHES = """
            SELECT DISTINCT a.user_id
            FROM trip_search_legs l
            JOIN trips t ON t.id = l.trip_id
            JOIN trip_alerts a ON ST_DWithin(a.from_point, l.pickup_point, %d)
            WHERE l.trip_id = ?1 AND t.status = 'published' AND t.departure_time > now()
              AND ST_DWithin(a.from_point, l.pickup_point, a.radius_km * 1000)
              AND ST_DWithin(a.to_point, l.dropoff_point, a.radius_km * 1000)
              AND l.departure_time >= (a.date_from::timestamp AT TIME ZONE 'UTC')
              AND l.departure_time < ((a.date_to + 1)::timestamp AT TIME ZONE 'UTC')
              AND l.seats_available >= a.seats
              AND a.user_id <> t.driver_id""".formatted(MAX_RADIUS_M);

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedExecutorService executor;
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Notifications notifications;
    @Inject
    AlertMatcher self;

    void tripChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TripChanged change) {
        if (!change.mayMatchMoreAlerts()) {
            return; // a seat taken or a driver's new rating makes no alert match that did not match before
        }
        try {
            executor.execute(() -> {
                try {
                    self.notifyMatches(change.tripId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Trip alerts of trip " + change.tripId() + " failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Trip alerts of trip " + change.tripId() + " not looked at (executor refused)");
        }
    }

    /** Queues one notice per user whose alert the trip matches; answers how many users were matched. */
    @Transactional
    public int notifyMatches(UUID tripId) {
        @SuppressWarnings("unchecked")
        List<UUID> users = em.createNativeQuery(MATCHES).setParameter(1, tripId).getResultList();
        if (users.isEmpty()) {
            return 0;
        }
        Object[] trip = (Object[]) em.createNativeQuery("SELECT origin_text, destination_text, departure_time, "
                + "price_per_seat, seats_available FROM trips WHERE id = ?1").setParameter(1, tripId).getSingleResult();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("route", trip[0] + " → " + trip[1]);
        vars.put("departure", SqlValues.instant(trip[2]));
        vars.put("price", (BigDecimal) trip[3]);
        vars.put("seats", ((Number) trip[4]).intValue());
        for (UUID user : users) {
            notifications.notify(Notice.of("trip_alert:" + tripId, user, NotificationKind.trip_alert, vars,
                    Map.of("trip_id", tripId.toString())));
        }
        return users.size();
    }
}
