package com.allocar.payouts;

import com.allocar.earnings.DriverLedger;
import com.allocar.earnings.LedgerKind;
import com.allocar.earnings.LedgerPosting;
import com.allocar.identity.KycService;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes a driver's payout, in one transaction of its own: the driver's unsettled ledger entries that are available
 * by the run's cut-off are settled by the new payout (fines and reversals netted), the payout's debit is posted, the
 * fines it withholds are marked so. Once per driver and run (a restarted run finds the payout it made), and never
 * while another payout of the driver is still in flight.
 */
@ApplicationScoped
public class PayoutPlanner {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    DriverLedger ledger;
    @Inject
    KycService kyc;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;

    /** Why a driver got no payout this time. */
    public enum Skip { below_minimum, kyc_required, no_payout_number }

    /** A payout to send (new, or one still in flight), or why none. */
    public record Plan(UUID payoutId, Skip skipped) {
        static Plan of(UUID payoutId) {
            return new Plan(payoutId, null);
        }

        static Plan skip(Skip why) {
            return new Plan(null, why);
        }
    }

    /**
     * @param jobInstanceId the run (job instance) making it, or null when finance makes one by hand
     * @param cutoff        entries available after it wait for the next run
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Plan plan(UUID driverId, Long jobInstanceId, Long jobExecutionId, Instant cutoff, ActorType actorType,
                     UUID actorId) {
        // one planner per driver at a time (two runs, a run and finance): the second waits, then sees the first's work
        em.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext('payout:' || ?1))").setParameter(1, driverId.toString())
                .getSingleResult();
        Optional<UUID> open = first(em.createNativeQuery("SELECT id FROM payouts WHERE driver_id = ?1 "
                + "AND (status IN ('scheduled', 'processing') OR job_instance_id = ?2) ORDER BY created_at DESC")
                .setParameter(1, driverId).setParameter(2, jobInstanceId == null ? -1L : jobInstanceId).getResultList());
        if (open.isPresent()) {
            return Plan.of(open.get()); // in flight, or already made by this run before a restart
        }
        BigDecimal minimum = settings.payoutMinimum();
        BigDecimal available = (BigDecimal) em.createNativeQuery("SELECT coalesce(sum(amount), 0) FROM driver_ledger "
                        + "WHERE driver_id = ?1 AND payout_id IS NULL AND available_at <= ?2")
                .setParameter(1, driverId).setParameter(2, cutoff).getSingleResult();
        if (available.signum() <= 0 || available.compareTo(minimum) < 0) {
            return Plan.skip(Skip.below_minimum);
        }
        if (settings.requireKycForDriver() && !kyc.approved(driverId)) {
            return Plan.skip(Skip.kyc_required);
        }
        Optional<String> recipient = first(em.createNativeQuery("SELECT phone FROM users WHERE id = ?1 "
                + "AND is_phone_verified AND phone IS NOT NULL AND status = 'active'").setParameter(1, driverId)
                .getResultList());
        if (recipient.isEmpty()) {
            return Plan.skip(Skip.no_payout_number);
        }
        UUID payoutId = UUID.randomUUID();
        Instant placeholderStart = cutoff.minusSeconds(1);
        var insert = em.createNativeQuery("INSERT INTO payouts (id, driver_id, amount, provider, period_start, period_end, "
                        + "recipient" + (jobInstanceId == null ? "" : ", job_instance_id, job_execution_id")
                        + ") VALUES (?1, ?2, 0, 'wave', ?3, ?4, ?5" + (jobInstanceId == null ? "" : ", ?6, ?7") + ")")
                .setParameter(1, payoutId).setParameter(2, driverId).setParameter(3, placeholderStart)
                .setParameter(4, cutoff).setParameter(5, recipient.get());
        if (jobInstanceId != null) {
            insert.setParameter(6, jobInstanceId).setParameter(7, jobExecutionId);
        }
        insert.executeUpdate();
        Object[] settled = (Object[]) em.createNativeQuery("WITH settled AS (UPDATE driver_ledger SET payout_id = ?1 "
                        + "WHERE driver_id = ?2 AND payout_id IS NULL AND available_at <= ?3 RETURNING amount, created_at) "
                        + "SELECT coalesce(sum(amount), 0), min(created_at), count(*) FROM settled")
                .setParameter(1, payoutId).setParameter(2, driverId).setParameter(3, cutoff).getSingleResult();
        BigDecimal amount = (BigDecimal) settled[0];
        if (amount.signum() <= 0 || amount.compareTo(minimum) < 0) {
            // the balance moved between the sum and the settlement (a fine just posted): this run leaves it alone
            throw new IllegalStateException("balance of driver " + driverId + " changed while its payout was made");
        }
        Instant earliest = SqlValues.instant(settled[1]);
        Instant periodStart = earliest != null && earliest.isBefore(placeholderStart) ? earliest : placeholderStart;
        em.createNativeQuery("UPDATE payouts SET amount = ?2, period_start = ?3 WHERE id = ?1")
                .setParameter(1, payoutId).setParameter(2, amount).setParameter(3, periodStart).executeUpdate();
        ledger.post(new LedgerPosting(driverId, LedgerKind.payout, amount.negate(), null, null, null, null, null, null,
                null, payoutId, "payout:" + payoutId, Instant.now(), "Virement AlloCar"));
        int withheld = em.createNativeQuery("UPDATE driver_penalties SET status = 'withheld', payout_id = ?1 "
                        + "WHERE id IN (SELECT penalty_id FROM driver_ledger WHERE payout_id = ?1 AND kind = 'fine') "
                        + "AND status = 'pending'")
                .setParameter(1, payoutId).executeUpdate();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("driver_id", driverId.toString());
        meta.put("amount", amount);
        meta.put("entries", ((Number) settled[2]).longValue());
        meta.put("fines_withheld", withheld);
        meta.put("job_instance_id", jobInstanceId);
        audit.record(actorType, actorId, "payout.scheduled", "payouts", payoutId, meta);
        return Plan.of(payoutId);
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((T) rows.get(0));
    }
}
