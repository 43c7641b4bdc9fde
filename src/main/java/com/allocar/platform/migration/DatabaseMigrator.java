package com.allocar.platform.migration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelogs when the application starts, before it serves anything; a failure stops
 * the start. Liquibase's lock table keeps several instances from migrating at once.
 */
@ApplicationScoped
public class DatabaseMigrator {
    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/allocarAutonomous")
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            @SuppressWarnings("deprecation")
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                    database);
            liquibase.update(new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
        migrated = true;
        LOG.info(() -> "Database schema up to date in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        schemaReady.fire(new SchemaReady());
    }

    public boolean migrated() {
        return migrated;
    }

    /** Fired once the schema is current: start-up work that needs tables (demo data) observes it. */
    public record SchemaReady() {
    }
}
