package com.allocar.bookings;

import com.allocar.platform.migration.DatabaseMigrator;
import com.allocar.platform.scheduling.PeriodicSweep;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Departure reminders (JOB-3): every {@code ALLOCAR_REMINDER_POLL_SECONDS} (60) on the managed scheduler, each
 * published trip leaving within 24 hours that has a paid booking gets its due reminder ({@link TripReminder}): the
 * 24-hour one while departure is more than 2 hours away, the 2-hour one after that. A reminder's event key holds the
 * trip and its departure time, and a user is notified at most once per event, so a reminder never goes twice, also
 * with several instances sweeping at once, and a new departure time makes new reminders. Cancelled bookings and
 * trips get none: only paid bookings of published trips are read, at the moment the reminder is due.
 */
@ApplicationScoped
public class DepartureReminders {
    static final Duration DAY_BEFORE = Duration.ofHours(24);
    static final Duration SHORTLY_BEFORE = Duration.ofHours(2);
    private static final Logger LOG = Logger.getLogger(DepartureReminders.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    BookingRepository bookings;
    @Inject
    TripReminder reminder;
    @Inject
    @ConfigProperty(name = "ALLOCAR_REMINDER_POLL_SECONDS", defaultValue = "60")
    long pollSeconds;

    private PeriodicSweep poll;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        poll = PeriodicSweep.start(scheduler, "ALLOCAR_REMINDER_POLL_SECONDS", pollSeconds, LOG,
                "Departure reminder sweep", () -> sweep(Instant.now()));
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.stop();
        }
    }

    /** Sends every reminder due at {@code now} that was not sent yet; returns how many people were reminded. */
    public int sweep(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int reminded = 0;
        for (UUID trip : bookings.tripsWithPaidBookingsLeaving(at, at.plus(DAY_BEFORE))) {
            try {
                reminded += reminder.remind(trip, at);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reminder of trip " + trip + " failed; the next sweep tries again", e);
            }
        }
        return reminded;
    }
}
