package com.allocar.testsupport;

import com.allocar.platform.migration.DatabaseMigrator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Private schemas in the test database, for tests that need an empty or a freshly migrated schema beside
 * the live one (PostGIS stays reachable through public on the search path).
 */
public final class TestSchemas {
    private TestSchemas() {
    }

    public static String newName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A connection as the application's role whose search path starts with {@code schema} (created if needed). */
    public static Connection connect(String schema) throws SQLException {
        Connection connection = DriverManager.getConnection(
                ItServer.env("ALLOCAR_DB_URL", "jdbc:postgresql://localhost:5432/allocar"),
                ItServer.env("ALLOCAR_DB_USER", "allocar"), ItServer.env("ALLOCAR_DB_PASSWORD", ""));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute("SET search_path TO " + schema + ", public");
        }
        return connection;
    }

    @SuppressWarnings("deprecation")
    public static Liquibase liquibase(Connection connection, String schema) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        return new Liquibase(DatabaseMigrator.CHANGELOG, new ClassLoaderResourceAccessor(), database);
    }

    public static void drop(String schema) throws SQLException {
        try (Connection connection = connect(schema); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
