package com.allocar.ratings;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reveals the blind ratings whose rating window ({@code ratings.window_days} after the ride's completion) has closed,
 * every {@code ALLOCAR_RATING_REVEAL_POLL_SECONDS} (300) on the managed scheduler. Each booking is revealed in its own
 * transaction under its rating lock, so a party rating at the deadline and several instances sweeping at once
 * reveal each rating once.
 */
@ApplicationScoped
public class RatingRevealSweep {
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(RatingRevealSweep.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    RatingReveals reveals;
    @Inject
    @ConfigProperty(name = "ALLOCAR_RATING_REVEAL_POLL_SECONDS", defaultValue = "300")
    long pollSeconds;

    private PeriodicSweep poll;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        poll = PeriodicSweep.start(scheduler, "ALLOCAR_RATING_REVEAL_POLL_SECONDS", pollSeconds, LOG,
                "Rating reveal sweep", () -> sweep(Instant.now()));
    }

    @PreDestroy
    void stop() {
        if (poll != null) {
            poll.stop();
        }
    }

    /** Reveals every blind rating whose window closed by {@code now}: how many became visible. */
    public int sweep(Instant now) {
        int revealed = 0;
        List<UUID> due;
        do {
            due = reveals.due(now, BATCH);
            int round = 0;
            for (UUID booking : due) {
                try {
                    round += reveals.revealAtDeadline(booking, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Reveal of the ratings of booking " + booking + " failed; the next sweep "
                            + "tries again", e);
                }
            }
            revealed += round;
            if (round == 0) {
                break;
            }
        } while (due.size() == BATCH);
        return revealed;
    }
}
