package com.allocar.bookings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** What higher domains (promos' "first ride only") may ask about a passenger's rides. */
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
}
