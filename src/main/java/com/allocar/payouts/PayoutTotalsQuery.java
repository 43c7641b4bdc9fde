package com.allocar.payouts;

import com.allocar.earnings.PayoutTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.UUID;

/** The earnings summary's payout totals, summed in SQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PayoutTotalsQuery implements PayoutTotals {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Override
    public Totals of(UUID driverId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT "
                        + "coalesce(sum(amount) FILTER (WHERE status IN ('scheduled', 'processing', 'needs_review')), 0), "
                        + "coalesce(sum(amount) FILTER (WHERE status = 'paid'), 0) FROM payouts WHERE driver_id = ?1")
                .setParameter(1, driverId).getSingleResult();
        return new Totals(((BigDecimal) row[0]).setScale(0), ((BigDecimal) row[1]).setScale(0));
    }
}
