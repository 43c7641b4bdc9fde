package com.allocar.jobs;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;

/**
 * Starts Jakarta Batch jobs of this application (job XML from {@code META-INF/batch-jobs}) in Liberty's job
 * repository, the same executions the batch REST API ({@code /ibm/api/batch}) and Admin Center's Java Batch tool show,
 * stop and restart.
 */
@ApplicationScoped
public class JobLauncher {

    /** Starts {@code jobName} with these parameters; answers the execution id at once (the job runs on its own). */
    public long start(String jobName, Map<String, String> parameters) {
        Properties properties = new Properties();
        properties.putAll(parameters);
        return operator().start(jobName, properties);
    }

    /** Whether an execution of {@code jobName} is starting or running (on any server sharing the repository). */
    public boolean running(String jobName) {
        try {
            return !operator().getRunningExecutions(jobName).isEmpty();
        } catch (NoSuchJobException e) {
            return false; // never ran
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
