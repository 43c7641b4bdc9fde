package com.allocar.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** Direct SQL for fixtures and for checking what the server stored (the test database, schema public). */
public final class Db {
    private Db() {
    }

    /** Reads the rows of a query. */
    public interface Rows {
        void read(ResultSet rows) throws Exception;
    }

    public static void sql(String sql, Object... parameters) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.execute();
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The UUID in the first column of the first row (e.g. INSERT … RETURNING id). */
    public static UUID id(String sql, Object... parameters) {
        return value(UUID.class, sql, parameters);
    }

    /** The first column of the first row as {@code type}, or null when there is no row. */
    public static <T> T value(Class<T> type, String sql, Object... parameters) {
        Object[] value = new Object[1];
        query(sql, rows -> {
            if (rows.next()) {
                value[0] = rows.getObject(1, type);
            }
        }, parameters);
        return type.cast(value[0]);
    }

    public static void query(String sql, Rows reader, Object... parameters) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                reader.read(rows);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws Exception {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
