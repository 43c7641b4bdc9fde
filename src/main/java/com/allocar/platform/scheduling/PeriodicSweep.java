package com.allocar.platform.scheduling;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A sweep that runs every {@code seconds} (an {@code ALLOCAR_*_POLL_SECONDS} setting, at least 1) on the managed
 * scheduler, first one period after it starts. A round that fails is logged and the next one tries again, so one bad
 * row or a database hiccup never stops the schedule. Used by the sweeps that look for what came due (lapsed bookings,
 * departure reminders, rating reveals); each starts it when the schema is ready and stops it when the application
 * stops.
 */
public final class PeriodicSweep {
    private final ScheduledFuture<?> future;

    private PeriodicSweep(ScheduledFuture<?> future) {
        this.future = future;
    }

    /** Starts {@code round} every {@code seconds}; {@code setting} names the period in the error a bad value raises. */
    public static PeriodicSweep start(ManagedScheduledExecutorService scheduler, String setting, long seconds,
                                      Logger log, String what, Runnable round) {
        if (seconds < 1) {
            throw new IllegalStateException(setting + " must be at least 1");
        }
        Runnable guarded = () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, what + " failed; the next round tries again: " + e.getMessage(), e);
            }
        };
        return new PeriodicSweep(scheduler.scheduleWithFixedDelay(guarded, seconds, seconds, TimeUnit.SECONDS));
    }

    /** Lets a running round finish and starts no other. */
    public void stop() {
        future.cancel(false);
    }
}
