package com.allocar.bookings;

import com.allocar.platform.migration.DatabaseMigrator;
import com.allocar.platform.scheduling.PeriodicSweep;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lapses bookings the driver did not answer in time (default 3 h, never after departure) and accepted bookings
 * still unpaid when their trip departs, every {@code ALLOCAR_BOOKING_EXPIRY_POLL_SECONDS}. Each booking lapses in
 * its own transaction under its row lock, so a driver accepting at the same moment either wins or gets 409; several
 * instances may run it at once.
 */
@ApplicationScoped
public class BookingExpiry {
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(BookingExpiry.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    BookingRepository bookings;
    @Inject
    BookingService service;
    @Inject
    @ConfigProperty(name = "ALLOCAR_BOOKING_EXPIRY_POLL_SECONDS", defaultValue = "60")
    long pollSeconds;

    private PeriodicSweep poll;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        poll = PeriodicSweep.start(scheduler, "ALLOCAR_BOOKING_EXPIRY_POLL_SECONDS", pollSeconds, LOG,
                "Booking expiry round", this::round);
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.stop();
        }
    }

    /** One round: every booking due now, a batch at a time. */
    void round() {
        List<UUID> due;
        do {
            due = bookings.lapsed(Instant.now(), BATCH);
            int lapsed = 0;
            for (UUID id : due) {
                if (service.expire(id)) {
                    lapsed++;
                }
            }
            if (lapsed == 0) {
                return;
            }
        } while (due.size() == BATCH);
    }
}
