package com.allocar.jobs;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * One step of the clean-up job: deletes the rows of its {@code target} table past their retention, in batches of
 * {@code batchSize} rows (each its own short transaction) until a batch comes back short. A stop from the console ends
 * it between two batches; whatever was deleted stays deleted, and a restart just goes on.
 */
@Dependent
@Named("purgeBatchlet")
public class PurgeBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(PurgeBatchlet.class.getName());
    static final int MAX_BATCH = 10_000;

    @Inject
    @BatchProperty
    String target;
    @Inject
    @BatchProperty
    String batchSize;
    @Inject
    Purges purges;
    @Inject
    JobMeters meters;
    @Inject
    JobContext job;
    @Inject
    StepContext step;

    private volatile boolean stopped;

    @Override
    public String process() {
        PurgeTarget purge = PurgeTarget.of(target);
        int size = size(batchSize);
        Instant cutoff = purges.cutoff(purge);
        long deleted = 0;
        int batch;
        do {
            batch = purges.deleteBatch(purge, cutoff, size);
            deleted += batch;
        } while (batch == size && !stopped);
        long total = deleted;
        meters.items(job.getJobName(), total);
        LOG.info(() -> "Clean-up of " + purge.table() + ": " + total + " rows older than " + cutoff + " deleted"
                + (stopped ? " (stopped)" : ""));
        String status = "deleted=" + total;
        step.setExitStatus(status);
        return stopped ? "STOPPED" : status;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    static int size(String batchSize) {
        if (batchSize == null || batchSize.isBlank()) {
            return 1000;
        }
        int size = Integer.parseInt(batchSize.trim());
        if (size < 1 || size > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH + ", not " + size);
        }
        return size;
    }
}
