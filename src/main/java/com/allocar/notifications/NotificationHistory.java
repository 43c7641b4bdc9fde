package com.allocar.notifications;

import com.allocar.platform.migration.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps {@code notification_events} (who was told of what) for {@link #KEEP}: long past any cause that could come
 * again (a booking's transitions happen once, a reminder's key holds a departure that is over, a chat slot is
 * minutes long). Pruned every hour on the managed scheduler, {@value #BATCH} rows at a time.
 */
@ApplicationScoped
public class NotificationHistory {
    static final Duration KEEP = Duration.ofDays(90);
    static final int BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(NotificationHistory.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "jdbc/allocarAutonomous")
    DataSource dataSource;

    private ScheduledFuture<?> prune;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        prune = scheduler.scheduleWithFixedDelay(this::pruneAll, 10, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (prune != null) {
            prune.cancel(false);
        }
    }

    void pruneAll() {
        try {
            int deleted;
            do {
                deleted = prune();
            } while (deleted == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Notification history pruning failed; the next run tries again", e);
        }
    }

    /** Deletes up to {@value #BATCH} rows older than {@link #KEEP}; returns how many. */
    int prune() {
        String sql = "DELETE FROM notification_events WHERE ctid IN (SELECT ctid FROM notification_events "
                + "WHERE created_at < now() - make_interval(days => ?) LIMIT ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, (int) KEEP.toDays());
            statement.setInt(2, BATCH);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Pruning notification_events failed: " + e.getMessage(), e);
        }
    }
}
