package com.allocar.reconciliation;

import com.allocar.jobs.JobMeters;
import com.allocar.payments.PaymentProvider;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The {@code reconcile} step of the {@code reconciliation} job ({@code batch-jobs/reconciliation.xml}). Job
 * parameters: {@code day} (ISO date, UTC; default yesterday), {@code provider} (wave, orange, mtn, stripe; default
 * all), {@code runId} (the run {@code POST /admin/reconciliation/run} opened), {@code trigger} (schedule, admin;
 * else console). Without {@code runId} the run of this job instance is taken (a restart), else a
 * new one is opened. The work is {@link Reconciliation#execute}, which resumes from the run's progress: a stopped
 * or failed execution restarted from the batch console goes on where it stopped.
 */
@Named("reconciliationBatchlet")
@Dependent
public class ReconciliationBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(ReconciliationBatchlet.class.getName());

    @Inject
    JobContext job;
    @Inject
    @BatchProperty(name = "day")
    String day;
    @Inject
    @BatchProperty(name = "provider")
    String provider;
    @Inject
    @BatchProperty(name = "runId")
    String runId;
    @Inject
    @BatchProperty(name = "trigger")
    String trigger;
    @Inject
    ReconciliationRuns runs;
    @Inject
    Reconciliation reconciliation;
    @Inject
    JobMeters meters;

    private volatile boolean stopping;

    @Override
    public String process() {
        UUID run = run();
        runs.attach(run, job.getInstanceId(), job.getExecutionId());
        LOG.info(() -> "Reconciliation run " + run + " (job execution " + job.getExecutionId() + ")");
        ReconciliationRuns.Progress before = runs.progress(run);
        try {
            if (reconciliation.execute(run, () -> stopping) == Reconciliation.Outcome.stopped) {
                runs.fail(run, "stopped");
                return "STOPPED";
            }
            return "COMPLETED";
        } catch (RuntimeException e) {
            runs.fail(run, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        } finally {
            ReconciliationRuns.Progress after = runs.progress(run);
            meters.items(job.getJobName(), after.checked() - before.checked());
            meters.itemFailures(job.getJobName(), after.unchecked() - before.unchecked());
        }
    }

    private UUID run() {
        if (present(runId)) {
            return UUID.fromString(runId.trim());
        }
        Optional<UUID> earlier = runs.forInstance(job.getInstanceId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        RunTrigger by = present(trigger) && RunTrigger.schedule.name().equals(trigger.trim())
                ? RunTrigger.schedule : RunTrigger.console;
        return runs.open(ReconciliationJobs.day(day), present(provider) ? PaymentProvider.valueOf(provider.trim()) : null,
                by, null);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
