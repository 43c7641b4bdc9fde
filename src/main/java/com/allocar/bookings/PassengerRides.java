package com.allocar.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** What higher domains (promos' "first ride only", referrals' "before the first ride") may ask about a user's rides. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PassengerRides {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** Whether the passenger has a booking other than {@code bookingId} that was paid for (paid or completed). */
    public boolean hasRideBesides(UUID passengerId, UUID bookingId) {
        return !em.createNativeQuery("SELECT 1 FROM bookings WHERE passenger_id = ?1 AND id <> ?2 "
                        + "AND status IN ('paid', 'completed') LIMIT 1")
                .setParameter(1, passengerId).setParameter(2, bookingId).getResultList().isEmpty();
    }

    /** Whether the user has completed a ride, as passenger or as driver. */
    public boolean hasCompletedRide(UUID userId) {
        return !em.createNativeQuery("SELECT 1 FROM bookings WHERE passenger_id = ?1 AND status = 'completed' "
                        + "UNION ALL SELECT 1 FROM bookings b JOIN trips t ON t.id = b.trip_id "
                        + "WHERE t.driver_id = ?1 AND b.status = 'completed' LIMIT 1")
                .setParameter(1, userId).getResultList().isEmpty();
    }
}
