package com.allocar.payouts;

import com.allocar.jobs.JobLauncher;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finance's work on payouts (ADM-2, section 14: super and finance): start a run now, list and export, retry, resolve
 * what the platform could not settle. Every action is audited.
 */
@ApplicationScoped
public class PayoutFinance {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(PayoutStatus.class))
            .filter("driver_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .filter("amount", FilterType.NUMBER)
            .sortable("created_at", "amount")
            .defaultSort("created_at", true)
            .build();
    static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "driver_id", "driverId",
            "created_at", "createdAt", "amount", "amount");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    JobLauncher launcher;
    @Inject
    PayoutPlanner planner;
    @Inject
    PayoutSender sender;
    @Inject
    PayoutRecords records;
    @Inject
    AuditService audit;

    /** A run started now: its execution id, to follow in the batch console. */
    public record RunStarted(String job, long executionId, Instant cutoff) {
    }

    /** Starts the payouts job now (409 while a run is going on). */
    @Transactional
    public RunStarted run(UUID adminId) {
        if (launcher.running(PayoutRun.JOB)) {
            throw new ConflictException("A payouts run is already going on.", Map.of("job", PayoutRun.JOB));
        }
        Instant cutoff = Instant.now();
        long execution = launcher.start(PayoutRun.JOB, Map.of("cutoff", cutoff.toString(), "trigger", "admin"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("job", PayoutRun.JOB);
        meta.put("execution_id", execution);
        meta.put("cutoff", cutoff.toString());
        audit.record(ActorType.admin, adminId, "payouts.run_started", "payouts", null, meta);
        return new RunStarted(PayoutRun.JOB, execution, cutoff);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AdminPayoutView> list(ListQuery query) {
        return JpaLists.page(em, Payout.class, query, ATTRIBUTES, JpaLists.Scope.none()).map(AdminPayoutView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AdminPayoutView get(UUID id) {
        return AdminPayoutView.of(find(id));
    }

    /**
     * Retries a payout now, outside a run. processing (its outcome unknown): asks Wave again, a resend keeping the
     * same idempotency key. failed (its amount back in the balance): a new payout of the driver's available balance,
     * made and sent now. Anything else: 409.
     */
    public AdminPayoutView retry(UUID adminId, UUID id) {
        Payout payout = find(id);
        UUID target = switch (payout.getStatus()) {
            case processing, scheduled -> id;
            case failed -> {
                PayoutPlanner.Plan plan = planner.plan(payout.getDriverId(), null, null, Instant.now(),
                        ActorType.admin, adminId);
                if (plan.payoutId() == null) {
                    throw new ConflictException("Nothing to pay out to this driver now.",
                            Map.of("reason", plan.skipped().name()));
                }
                yield plan.payoutId();
            }
            default -> throw new ConflictException("Only a failed or processing payout can be retried.",
                    Map.of("status", payout.getStatus().name()));
        };
        audit.recordIndependently(ActorType.admin, adminId, "payout.retry", "payouts", id,
                Map.of("attempted_payout_id", target.toString()));
        Optional<?> attempted = sender.attempt(target);
        if (attempted.isEmpty() && target.equals(id)) {
            throw new ConflictException("The payout is being attempted right now; try again in a few minutes.",
                    Map.of("status", payout.getStatus().name()));
        }
        return AdminPayoutView.of(fresh(target));
    }

    /** Finance's decision on a payout in needs_review (or stuck processing): paid or failed, with a note. */
    public AdminPayoutView resolve(UUID adminId, UUID id, boolean paid, String providerRef, String note) {
        Payout payout = find(id);
        if (!records.resolve(id, paid, providerRef, note, adminId)) {
            throw new ConflictException("Only a payout in needs_review, or processing and not being attempted, can be "
                    + "resolved.", Map.of("from", payout.getStatus().name()));
        }
        return AdminPayoutView.of(fresh(id));
    }

    /** The payout as the records just committed it (the request's persistence context may hold an older copy). */
    private Payout fresh(UUID id) {
        em.clear();
        return find(id);
    }

    private Payout find(UUID id) {
        return Optional.ofNullable(em.find(Payout.class, id)).orElseThrow(() -> new NotFoundException("No such payout."));
    }

    /** The payouts of a page of an export, by key (created_at, id), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Payout> exportPage(List<PayoutStatus> statuses, Instant afterCreated, UUID afterId, int size) {
        return em.createQuery("SELECT p FROM Payout p WHERE p.status IN :statuses AND (p.createdAt > :at "
                        + "OR (p.createdAt = :at AND p.id > :id)) ORDER BY p.createdAt, p.id", Payout.class)
                .setParameter("statuses", statuses).setParameter("at", afterCreated).setParameter("id", afterId)
                .setMaxResults(size).getResultList();
    }
}
