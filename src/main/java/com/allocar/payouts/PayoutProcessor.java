package com.allocar.payouts;

import com.allocar.jobs.JobMeters;
import com.allocar.platform.audit.ActorType;
import com.allocar.wallet.PayoutCall;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The payouts job's processor, one driver at a time: makes (or finds) the driver's payout of this run and attempts it.
 * Its database work commits in transactions of its own ({@link PayoutPlanner}, {@link PayoutRecords}), so the chunk's
 * transaction holds nothing while Wave answers; a driver who gets nothing (below the minimum once fines are netted, no
 * approved KYC, no verified number) is filtered out and counted.
 */
@Dependent
@Named("payoutProcessor")
public class PayoutProcessor implements ItemProcessor {
    private static final Logger LOG = Logger.getLogger(PayoutProcessor.class.getName());

    @Inject
    PayoutPlanner planner;
    @Inject
    PayoutSender sender;
    @Inject
    JobContext job;
    @Inject
    JobMeters meters;
    @Inject
    @BatchProperty
    String cutoff;

    private Instant runCutoff;

    @Override
    public Object processItem(Object item) {
        if (runCutoff == null) {
            runCutoff = PayoutRun.cutoff(cutoff);
        }
        UUID driverId = (UUID) item;
        PayoutPlanner.Plan plan;
        try {
            plan = planner.plan(driverId, job.getInstanceId(), job.getExecutionId(), runCutoff, ActorType.system, null);
        } catch (IllegalStateException e) {
            LOG.warning(() -> "Driver " + driverId + " skipped this run: " + e.getMessage());
            meters.itemFailures(job.getJobName(), 1);
            return null;
        }
        if (plan.payoutId() == null) {
            LOG.info(() -> "Driver " + driverId + " gets no payout this run: " + plan.skipped());
            return null;
        }
        Optional<PayoutCall.Outcome> outcome = sender.attempt(plan.payoutId());
        return new Attempted(plan.payoutId(), outcome.map(o -> o.kind().name()).orElse("not_attempted"));
    }

    /** A payout the run attempted, and how that went (done, failed, review, unresolved, not_attempted). */
    public record Attempted(UUID payoutId, String outcome) implements java.io.Serializable {
    }
}
