package com.allocar.earnings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes driver ledger entries, always inside the caller's transaction (the one of the cause), once per cause: a
 * second posting with the same {@code cause_key} does nothing and answers false.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DriverLedger {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    public boolean post(LedgerPosting entry) {
        return em.createNativeQuery("INSERT INTO driver_ledger (driver_id, kind, amount, gross, commission, fees, "
                        + "booking_id, trip_id, payment_id, penalty_id, payout_id, cause_key, available_at, description) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                        + "ON CONFLICT (cause_key) DO NOTHING")
                .setParameter(1, entry.driverId()).setParameter(2, entry.kind().name())
                .setParameter(3, entry.amount()).setParameter(4, entry.gross())
                .setParameter(5, entry.commission()).setParameter(6, entry.fees())
                .setParameter(7, entry.bookingId()).setParameter(8, entry.tripId())
                .setParameter(9, entry.paymentId()).setParameter(10, entry.penaltyId())
                .setParameter(11, entry.payoutId()).setParameter(12, entry.causeKey())
                .setParameter(13, entry.availableAt()).setParameter(14, entry.description())
                .executeUpdate() == 1;
    }
}
