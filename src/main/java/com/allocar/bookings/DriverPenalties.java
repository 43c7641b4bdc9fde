package com.allocar.bookings;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records a driver's late-cancellation penalty (CXL-2): the fine, withheld from later payouts, and the points added
 * to the driver's score, in the cancellation's transaction. One penalty per cancelled trip or booking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DriverPenalties {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    Event<DriverFined> fined;

    /** @param bookingId the booking cancelled, or null for a whole trip */
    public void record(UUID driverId, UUID tripId, UUID bookingId, BigDecimal amount, int points, String reason,
                       ActorType actorType, UUID actorId) {
        if (amount.signum() == 0 && points == 0) {
            return;
        }
        UUID penaltyId = UUID.randomUUID();
        int inserted = em.createNativeQuery("INSERT INTO driver_penalties (id, driver_id, trip_id, booking_id, amount, "
                        + "points, reason) VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, driverId).setParameter(2, tripId).setParameter(3, bookingId)
                .setParameter(4, amount).setParameter(5, points).setParameter(6, reason).setParameter(7, penaltyId)
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        if (amount.signum() > 0) {
            fined.fire(new DriverFined(penaltyId, driverId, tripId, bookingId, amount, Instant.now()));
        }
        em.createNativeQuery("UPDATE users SET driver_penalty_points = driver_penalty_points + ?1 WHERE id = ?2")
                .setParameter(1, points).setParameter(2, driverId).executeUpdate();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("driver_id", driverId.toString());
        meta.put("trip_id", tripId.toString());
        meta.put("booking_id", bookingId == null ? null : bookingId.toString());
        meta.put("amount", amount);
        meta.put("points", points);
        meta.put("reason", reason);
        audit.record(actorType, actorId, "driver.penalty", "users", driverId, meta);
    }
}
