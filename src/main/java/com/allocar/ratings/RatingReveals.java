package com.allocar.ratings;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The double-blind reveal (docs/ratings.md): a booking's blind ratings become visible together, when its second
 * direction is rated ({@link Ratings#rate}) or when its rating window has closed ({@link RatingRevealSweep}). Both
 * paths hold the booking's rating lock, and the averages of the rated users (and the search legs of a rated driver)
 * change in the same transaction as the reveal.
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
        List<Object[]> blind = em.createNativeQuery("SELECT id, to_user_id, role FROM ratings "
                + "WHERE booking_id = ?1 AND revealed_at IS NULL").setParameter(1, bookingId).getResultList();
        if (blind.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("UPDATE ratings SET revealed_at = now() WHERE booking_id = ?1 AND revealed_at IS NULL")
                .setParameter(1, bookingId).executeUpdate();
        averages.recompute(blind.stream().map(row -> (UUID) row[1]).toList());
        blind.stream().filter(row -> RatingRole.as_driver.name().equals(row[2]))
                .forEach(row -> trips.driverRatingChanged((UUID) row[1]));
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
