package com.allocar.ratings;

import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notifications;
import com.allocar.notifications.Notice;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.platform.settings.Settings;
import com.allocar.trips.TripService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The double-blind reveal (docs/ratings.md): a booking's blind ratings become visible together, when its second
 * direction is rated ({@link Ratings#rate}) or when its rating window has closed ({@link RatingRevealSweep}). Both
 * paths hold the booking's rating lock, and the averages of the rated users (and the search legs of a rated driver)
 * change in the same transaction as the reveal; each rated user is notified ({@code rating_revealed}, push) through
 * the outbox of that transaction.
 */
@ApplicationScoped
public class RatingReveals {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    RatingAverages averages;
    @Inject
    TripService trips;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;
    @Inject
    Notifications notifications;

    /** Serialises everything that rates or reveals one booking, until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockBooking(UUID bookingId) {
        em.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext('ratings:' || ?1))")
                .setParameter(1, bookingId.toString()).getSingleResult();
    }

    /** Reveals the booking's blind ratings now, under the booking's lock (held by the caller): how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revealLocked(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> blind = em.createNativeQuery("SELECT r.id, r.to_user_id, r.role, r.stars, u.first_name, "
                        + "t.origin_text, t.destination_text FROM ratings r JOIN users u ON u.id = r.from_user_id "
                        + "JOIN bookings b ON b.id = r.booking_id JOIN trips t ON t.id = b.trip_id "
                        + "WHERE r.booking_id = ?1 AND r.revealed_at IS NULL").setParameter(1, bookingId).getResultList();
        if (blind.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("UPDATE ratings SET revealed_at = now() WHERE booking_id = ?1 AND revealed_at IS NULL")
                .setParameter(1, bookingId).executeUpdate();
        averages.recompute(blind.stream().map(row -> (UUID) row[1]).toList());
        for (Object[] row : blind) {
            UUID rated = (UUID) row[1];
            if (RatingRole.as_driver.name().equals(row[2])) {
                trips.driverRatingChanged(rated);
            }
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("author", row[4]);
            vars.put("stars", ((Number) row[3]).intValue());
            vars.put("route", row[5] + " → " + row[6]);
            notifications.notify(Notice.of("rating_revealed:" + row[0], rated, NotificationKind.rating_revealed, vars,
                    Map.of("rating_id", row[0].toString(), "booking_id", bookingId.toString())));
        }
        return blind.size();
    }

    /**
     * Reveals the blind ratings of a booking whose rating window closed by {@code now} (checked again under the
     * lock); one transaction per booking, audited. Answers how many became visible.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int revealAtDeadline(UUID bookingId, Instant now) {
        lockBooking(bookingId);
        Object completed = em.createNativeQuery("SELECT completed_at FROM bookings WHERE id = ?1")
                .setParameter(1, bookingId).getSingleResult();
        if (completed == null || SqlValues.instant(completed).plus(settings.ratingWindow()).isAfter(now)) {
            return 0;
        }
        int revealed = revealLocked(bookingId);
        if (revealed > 0) {
            audit.record(ActorType.system, null, "ratings.revealed", "bookings", bookingId,
                    Map.of("ratings", revealed, "reason", "window_closed"));
        }
        return revealed;
    }

    /** Bookings with a blind rating whose window closed by {@code now}, a batch at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> due(Instant now, int limit) {
        Instant completedBy = now.minus(settings.ratingWindow());
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("SELECT DISTINCT r.booking_id FROM ratings r "
                        + "JOIN bookings b ON b.id = r.booking_id "
                        + "WHERE r.revealed_at IS NULL AND b.completed_at <= ?1 LIMIT ?2")
                .setParameter(1, completedBy).setParameter(2, limit).getResultList();
        return due;
    }
}
