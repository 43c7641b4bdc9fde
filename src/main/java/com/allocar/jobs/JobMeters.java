package com.allocar.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Metrics per batch job (JOB-5, OBS-2): {@code batch_job_runs_total{job, status}} (COMPLETED, FAILED, STOPPED…),
 * {@code batch_job_duration_seconds{job}}, {@code batch_job_items_total{job}} (items a step wrote or a batchlet
 * handled) and {@code batch_job_item_failures_total{job}} (items skipped or failed). Fed by the {@code jobMetrics}
 * and {@code stepMetrics} listeners that every job XML declares.
 */
@ApplicationScoped
public class JobMeters {
    static final Metadata RUNS = Metadata.builder().withName("batch_job_runs")
            .withDescription("Batch job executions ended, by job and batch status").build();
    static final Metadata DURATION = Metadata.builder().withName("batch_job_duration")
            .withDescription("How long batch job executions took, by job").build();
    static final Metadata ITEMS = Metadata.builder().withName("batch_job_items")
            .withDescription("Items batch jobs handled (written by a chunk step, or counted by a batchlet), by job")
            .build();
    static final Metadata ITEM_FAILURES = Metadata.builder().withName("batch_job_item_failures")
            .withDescription("Items batch jobs skipped or failed, by job").build();

    @Inject
    MetricRegistry registry;

    private final Map<Long, Long> startedNanos = new ConcurrentHashMap<>();

    void started(long executionId) {
        startedNanos.put(executionId, System.nanoTime());
    }

    void ended(String job, long executionId, String status) {
        registry.counter(RUNS, new Tag("job", job), new Tag("status", status)).inc();
        Long started = startedNanos.remove(executionId);
        if (started != null) {
            registry.timer(DURATION, new Tag("job", job)).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Items a job handled; batchlets call it with what they did. */
    public void items(String job, long count) {
        if (count > 0) {
            registry.counter(ITEMS, new Tag("job", job)).inc(count);
        }
    }

    public void itemFailures(String job, long count) {
        if (count > 0) {
            registry.counter(ITEM_FAILURES, new Tag("job", job)).inc(count);
        }
    }
}
