package com.allocar.jobs;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Counts the items a chunk step wrote and skipped ({@link JobMeters}); declared as {@code stepMetrics}. */
@Dependent
@Named("stepMetrics")
public class StepMetricsListener implements StepListener {
    @Inject
    JobContext job;
    @Inject
    StepContext step;
    @Inject
    JobMeters meters;

    @Override
    public void beforeStep() {
    }

    @Override
    public void afterStep() {
        long written = 0;
        long skipped = 0;
        for (Metric metric : step.getMetrics()) {
            switch (metric.getType()) {
                case WRITE_COUNT -> written += metric.getValue();
                case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += metric.getValue();
                default -> {
                }
            }
        }
        meters.items(job.getJobName(), written);
        meters.itemFailures(job.getJobName(), skipped);
    }
}
