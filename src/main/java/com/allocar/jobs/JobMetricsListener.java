package com.allocar.jobs;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Counts each job execution and its duration ({@link JobMeters}); declared as {@code jobMetrics} in every job XML. */
@Dependent
@Named("jobMetrics")
public class JobMetricsListener implements JobListener {
    @Inject
    JobContext job;
    @Inject
    JobMeters meters;

    @Override
    public void beforeJob() {
        meters.started(job.getExecutionId());
    }

    @Override
    public void afterJob() {
        // the batch status is still STARTED here unless the job failed or was stopped: count that as COMPLETED
        String status = switch (job.getBatchStatus()) {
            case STARTED, STARTING -> "COMPLETED";
            default -> job.getBatchStatus().name();
        };
        meters.ended(job.getJobName(), job.getExecutionId(), status);
    }
}
