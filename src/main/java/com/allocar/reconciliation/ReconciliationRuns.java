package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The runs' state changes, each a short transaction of its own (the providers are asked between them, outside any
 * transaction): open, attach to a batch execution, record a page of differences with the progress, finish, fail.
 * Every change is a statement on the run's row; a page's differences commit with the progress that follows them, so
 * a run stopped or killed resumes after the last recorded page and records nothing twice.
 */
@ApplicationScoped
@Transactional
public class ReconciliationRuns {
    /** A run left running without progress this long (its server died) is taken over by the next one. */
    static final String ABANDONED_AFTER = "1 hour";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;

    /** Where a run stands. */
    public record Progress(UUID id, LocalDate day, PaymentProvider provider, RunStatus status, String phase,
                           String cursor, int checked, int unchecked) {
    }

    /**
     * A new run of {@code day} for {@code provider} (null: all), running. A run of the same day and provider that is
     * still running is a 409 {@code conflict} ({@code reason: run_in_progress}, {@code run_id}), unless it has not
     * moved for an hour: then it is failed as abandoned and the new one starts.
     */
    public UUID open(LocalDate day, PaymentProvider provider, RunTrigger trigger, UUID adminId) {
        String scope = provider == null ? "*" : provider.name();
        em.createNativeQuery("UPDATE reconciliation_runs SET status = 'failed', finished_at = now(), "
                        + "failure = 'abandoned: no progress for " + ABANDONED_AFTER + "' WHERE day = ?1 "
                        + "AND COALESCE(provider, '*') = ?2 AND status = 'running' "
                        + "AND updated_at < now() - interval '" + ABANDONED_AFTER + "'")
                .setParameter(1, day).setParameter(2, scope).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> made = em.createNativeQuery("INSERT INTO reconciliation_runs (day, provider, triggered_by, admin_id) "
                        + "VALUES (?1, NULLIF(?2, '*'), ?3, ?4) ON CONFLICT (day, COALESCE(provider, '*')) "
                        + "WHERE status = 'running' DO NOTHING RETURNING id")
                .setParameter(1, day).setParameter(2, scope).setParameter(3, trigger.name())
                .setParameter(4, adminId).getResultList();
        if (made.isEmpty()) {
            Object running = em.createNativeQuery("SELECT id FROM reconciliation_runs WHERE day = ?1 "
                            + "AND COALESCE(provider, '*') = ?2 AND status = 'running'")
                    .setParameter(1, day).setParameter(2, scope).getResultStream().findFirst().orElse(null);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", "run_in_progress");
            if (running != null) {
                details.put("run_id", running.toString());
            }
            throw new ConflictException("A reconciliation of this day and provider is running.", details);
        }
        UUID id = (UUID) made.get(0);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("day", day.toString());
        meta.put("provider", scope);
        meta.put("triggered_by", trigger.name());
        audit.record(adminId == null ? ActorType.system : ActorType.admin, adminId, "reconciliation.run_started",
                "reconciliation_runs", id, meta);
        return id;
    }

    /** The run a batch job instance works on (a restart keeps the instance). */
    public Optional<UUID> forInstance(long instanceId) {
        return em.createNativeQuery("SELECT id FROM reconciliation_runs WHERE batch_instance_id = ?1 "
                        + "ORDER BY created_at DESC LIMIT 1")
                .setParameter(1, instanceId).getResultStream().findFirst().map(UUID.class::cast);
    }

    /**
     * The batch execution now working on the run (a restart makes a failed run running again; a run that is done
     * stays done). {@code executionId} and {@code instanceId} may be null (a run started without the batch runtime).
     *
     * @return where the run stands
     * @throws ConflictException 409 when another run of its day and provider is running
     */
    public Progress attach(UUID runId, Long instanceId, Long executionId) {
        try {
            em.createNativeQuery("UPDATE reconciliation_runs SET batch_instance_id = COALESCE(?2, batch_instance_id), "
                            + "batch_execution_id = COALESCE(?3, batch_execution_id), status = CASE WHEN status = 'done' "
                            + "THEN 'done' ELSE 'running' END, failure = CASE WHEN status = 'done' THEN failure END, "
                            + "finished_at = CASE WHEN status = 'done' THEN finished_at END WHERE id = ?1")
                    .setParameter(1, runId).setParameter(2, instanceId).setParameter(3, executionId).executeUpdate();
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ConflictException("Another reconciliation of this day and provider is running.",
                    Map.of("reason", "run_in_progress"));
        }
        return progress(runId);
    }

    /** Records the batch execution that was started for a run (when the job has not done it first). */
    public void execution(UUID runId, long executionId) {
        em.createNativeQuery("UPDATE reconciliation_runs SET batch_execution_id = ?2 WHERE id = ?1 "
                        + "AND batch_execution_id IS NULL")
                .setParameter(1, runId).setParameter(2, executionId).executeUpdate();
    }

    public Progress progress(UUID runId) {
        ReconciliationRun run = em.find(ReconciliationRun.class, runId);
        if (run == null) {
            throw new NotFoundException("No such reconciliation run.");
        }
        em.refresh(run);
        return new Progress(run.getId(), run.getDay(), run.getProvider(), run.getStatus(), run.getPhase(),
                run.getPhaseCursor(), run.getRecordsChecked(), run.getRecordsUnchecked());
    }

    /**
     * One page of work: its differences (a difference already recorded by this run is left as it is), the records
     * compared and those that could not be, and where the run now stands.
     */
    public void record(UUID runId, List<Difference> found, int checked, int unchecked, String phase, String cursor) {
        for (Difference d : found) {
            em.createNativeQuery("INSERT INTO reconciliation_items (run_id, kind, record_type, provider, item_key, "
                            + "payment_id, attempt_id, refund_id, payout_id, withdrawal_id, our_ref, provider_ref, "
                            + "our_amount, our_status, provider_amount, provider_status, repaired, action) VALUES (?1, ?2, "
                            + "?3, ?4, ?5, ?6, ?7, ?8, ?17, ?18, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
                            + "ON CONFLICT (run_id, item_key, kind) DO NOTHING")
                    .setParameter(1, runId).setParameter(2, d.kind().name()).setParameter(3, d.recordType().name())
                    .setParameter(4, d.provider().name()).setParameter(5, d.key()).setParameter(6, d.paymentId())
                    .setParameter(7, d.attemptId()).setParameter(8, d.recordType() == RecordType.refund ? d.recordId() : null).setParameter(9, d.ourRef())
                    .setParameter(10, d.providerRef()).setParameter(11, d.ourAmount()).setParameter(12, d.ourStatus())
                    .setParameter(13, d.providerAmount()).setParameter(14, d.providerStatus())
                    .setParameter(15, d.repaired()).setParameter(16, d.action())
                    .setParameter(17, d.recordType() == RecordType.payout ? d.recordId() : null)
                    .setParameter(18, d.recordType() == RecordType.withdrawal ? d.recordId() : null).executeUpdate();
        }
        em.createNativeQuery("UPDATE reconciliation_runs SET records_checked = records_checked + ?2, "
                        + "records_unchecked = records_unchecked + ?3, phase = ?4, phase_cursor = ?5, "
                        + "differences = (SELECT count(*) FROM reconciliation_items WHERE run_id = ?1), "
                        + "repaired = (SELECT count(*) FROM reconciliation_items WHERE run_id = ?1 AND repaired) "
                        + "WHERE id = ?1")
                .setParameter(1, runId).setParameter(2, checked).setParameter(3, unchecked).setParameter(4, phase)
                .setParameter(5, cursor).executeUpdate();
    }

    /** Every phase done: the run is done, its counts final; audited with them. */
    public void finish(UUID runId) {
        em.createNativeQuery("UPDATE reconciliation_runs SET status = 'done', phase = NULL, phase_cursor = NULL, "
                        + "finished_at = now(), failure = NULL, "
                        + "differences = (SELECT count(*) FROM reconciliation_items WHERE run_id = ?1), "
                        + "repaired = (SELECT count(*) FROM reconciliation_items WHERE run_id = ?1 AND repaired) "
                        + "WHERE id = ?1")
                .setParameter(1, runId).executeUpdate();
        ReconciliationRun run = em.find(ReconciliationRun.class, runId);
        em.refresh(run);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("day", run.getDay().toString());
        meta.put("provider", run.getProvider() == null ? "*" : run.getProvider().name());
        meta.put("records_checked", run.getRecordsChecked());
        meta.put("records_unchecked", run.getRecordsUnchecked());
        meta.put("differences", run.getDifferences());
        meta.put("repaired", run.getRepaired());
        audit.record(ActorType.system, null, "reconciliation.run_finished", "reconciliation_runs", runId, meta);
    }

    /** The run stopped or broke: failed, with why (a restart from the batch console resumes it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID runId, String why) {
        String reason = why == null ? "failed" : why.length() > 500 ? why.substring(0, 500) : why;
        int changed = em.createNativeQuery("UPDATE reconciliation_runs SET status = 'failed', finished_at = now(), "
                        + "failure = ?2 WHERE id = ?1 AND status = 'running'")
                .setParameter(1, runId).setParameter(2, reason).executeUpdate();
        if (changed == 1) {
            audit.record(ActorType.system, null, "reconciliation.run_failed", "reconciliation_runs", runId,
                    Map.of("failure", reason));
        }
    }
}
