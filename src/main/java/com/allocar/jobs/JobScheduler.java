package com.allocar.jobs;

import com.allocar.platform.migration.DatabaseMigrator;
import com.allocar.platform.settings.Settings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the scheduled jobs (JOB-1..JOB-3) when their cron expressions (settings {@code jobs.*.cron}, UTC) come due.
 * Every {@code ALLOCAR_JOBS_TICK_SECONDS} each instance reads the expressions (so a changed setting applies within a
 * tick on every instance, no restart) and, for a job whose next time after the previous tick has come, claims that
 * firing in {@code job_firings}: the instance whose insert wins starts the job, the others do nothing, so a firing runs
 * once however many instances are up. A firing is skipped (and recorded so) while an execution of the same job still
 * runs. Firings missed while no instance was up are not caught up: the next one comes at its time, and an operator
 * can start a run at once from the admin routes or the batch console.
 *
 * <p>{@code ALLOCAR_JOBS_SCHEDULE=false} turns the schedule off on an instance (the test suite does: its jobs are
 * started by the tests), without touching runs started by hand.
 */
@ApplicationScoped
public class JobScheduler {
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService executor;
    @Inject
    Settings settings;
    @Inject
    JobFirings firings;
    @Inject
    JobLauncher launcher;
    @Inject
    @ConfigProperty(name = "ALLOCAR_JOBS_SCHEDULE", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "ALLOCAR_JOBS_TICK_SECONDS", defaultValue = "20")
    long tickSeconds;

    Clock clock = Clock.systemUTC();
    private final String instance = instanceName();
    private volatile Instant lastTick;
    private ScheduledFuture<?> ticks;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        start();
    }

    synchronized void start() {
        if (!enabled) {
            LOG.info("Job schedule off on this instance (ALLOCAR_JOBS_SCHEDULE=false)");
            return;
        }
        if (ticks != null) {
            return;
        }
        if (tickSeconds < 1 || tickSeconds > 60) {
            throw new IllegalStateException("ALLOCAR_JOBS_TICK_SECONDS must be 1..60, not " + tickSeconds);
        }
        lastTick = clock.instant();
        ticks = executor.scheduleWithFixedDelay(this::tick, tickSeconds, tickSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Job schedule on (" + instance + "), looked at every " + tickSeconds + " s");
    }

    /** One look at the schedule: every job whose time came since the previous look fires once. */
    void tick() {
        Instant now = clock.instant();
        Instant since = lastTick;
        for (ScheduledJob job : ScheduledJob.values()) {
            try {
                due(settings.cron(job.cronSetting()), since, now).ifPresent(due -> fire(job.jobName(), due));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Schedule of job " + job.jobName() + " failed; the next tick tries again", e);
            }
        }
        lastTick = now;
    }

    /**
     * The latest time of {@code cron} after {@code since} and at most {@code now}, if any: several times missed within
     * one tick (a cron every few seconds, a paused instance) make one firing, not a burst.
     */
    static Optional<Instant> due(String cron, Instant since, Instant now) {
        CronTrigger trigger = new CronTrigger(cron, ZoneOffset.UTC);
        // the trigger answers times at or after the one given: start one second after the previous look
        ZonedDateTime from = since.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(ZoneOffset.UTC);
        Instant latest = null;
        for (int i = 0; i < 1000; i++) {
            ZonedDateTime next = trigger.getNextRunTime(null, from);
            if (next == null || next.toInstant().isAfter(now)) {
                break;
            }
            latest = next.toInstant();
            from = next.plusSeconds(1);
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Fires {@code jobName} for the time it was due, once across instances: answers the execution started, or empty
     * when another instance had the firing or it was skipped.
     */
    public Optional<Long> fire(String jobName, Instant due) {
        if (!firings.claim(jobName, due, instance)) {
            return Optional.empty();
        }
        if (launcher.running(jobName)) {
            firings.record(jobName, due, "skipped", null, "an earlier execution is still running");
            LOG.warning(() -> "Job " + jobName + " due at " + due + " skipped: an earlier execution is still running");
            return Optional.empty();
        }
        try {
            long execution = launcher.start(jobName, Map.of("trigger", "schedule", "due", due.toString()));
            firings.record(jobName, due, "started", execution, null);
            LOG.info(() -> "Job " + jobName + " due at " + due + " started: execution " + execution);
            return Optional.of(execution);
        } catch (RuntimeException e) {
            firings.record(jobName, due, "failed", null, e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.log(Level.SEVERE, "Job " + jobName + " due at " + due + " could not start", e);
            return Optional.empty();
        }
    }

    void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    private static String instanceName() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("host");
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
