package com.allocar.reconciliation;

import com.allocar.jobs.JobLauncher;
import com.allocar.payments.PaymentProvider;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.platform.errors.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the {@code reconciliation} job for finance ({@code POST /admin/reconciliation/run}): opens the run (409 when
 * one of that day and provider is running; audited), then, outside any transaction, starts the job through the
 * JobOperator ({@link JobLauncher}) with the run's id as a job parameter.
 */
@ApplicationScoped
public class ReconciliationJobs {
    public static final String JOB = "reconciliation";
    private static final Logger LOG = Logger.getLogger(ReconciliationJobs.class.getName());

    @Inject
    ReconciliationRuns runs;
    @Inject
    ReconciliationReports reports;
    @Inject
    JobLauncher launcher;

    /** The day a job parameter names: an ISO date, or yesterday (UTC) when absent. */
    public static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC).minusDays(1);
        }
        return LocalDate.parse(value.trim());
    }

    /**
     * @throws ValidationException                            400 for a day after today (UTC) or not a date
     * @throws com.allocar.platform.errors.ConflictException   409 {@code run_in_progress}
     * @throws ServiceUnavailableException                     503 when the batch runtime refused to start the job
     */
    public RunStarted request(UUID adminId, RunRequest request) {
        LocalDate day;
        try {
            day = day(request == null ? null : request.day());
        } catch (DateTimeParseException e) {
            throw ValidationException.field("day", "no such date");
        }
        if (day.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw ValidationException.field("day", "must be today (UTC) or earlier");
        }
        PaymentProvider provider = request == null || request.provider() == null ? null
                : PaymentProvider.valueOf(request.provider());
        UUID runId = runs.open(day, provider, RunTrigger.admin, adminId);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("day", day.toString());
        if (provider != null) {
            parameters.put("provider", provider.name());
        }
        parameters.put("runId", runId.toString());
        parameters.put("trigger", RunTrigger.admin.name());
        long executionId;
        try {
            executionId = launcher.start(JOB, parameters);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciliation run " + runId + ": the job did not start", e);
            runs.fail(runId, "the job did not start: " + e.getClass().getSimpleName());
            throw new ServiceUnavailableException("The reconciliation job could not be started; retry later.",
                    Map.of("run_id", runId.toString()));
        }
        runs.execution(runId, executionId);
        return new RunStarted(reports.run(runId), executionId);
    }
}
