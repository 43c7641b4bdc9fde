package com.allocar.notifications;

import com.allocar.testsupport.TestSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/** outbox_messages rows for the integration tests, written and read with plain JDBC (the live schema). */
final class OutboxRows {
    record Row(UUID id, String channel, String recipient, String status, int attempts, Instant nextAttemptAt,
               String lastError, Instant sentAt) {
    }

    private OutboxRows() {
    }

    static UUID insert(String channel, String recipient, String subject, String body) throws SQLException {
        return insert(channel, recipient, subject, body, "pending", 0, "now()");
    }

    /** A row in any state; {@code nextAttemptAt} is SQL, e.g. {@code now() - interval '1 second'}. */
    static UUID insert(String channel, String recipient, String subject, String body, String status, int attempts,
                       String nextAttemptAt) throws SQLException {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outbox_messages (channel, recipient, subject, body, status, attempts, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, " + nextAttemptAt + ") RETURNING id")) {
            insert.setString(1, channel);
            insert.setString(2, recipient);
            insert.setString(3, subject);
            insert.setString(4, body);
            insert.setString(5, status);
            insert.setInt(6, attempts);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    static Row find(UUID id) {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement select = db.prepareStatement(
                "SELECT id, channel, recipient, status, attempts, next_attempt_at, last_error, sent_at "
                        + "FROM outbox_messages WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Row(row.getObject("id", UUID.class), row.getString("channel"), row.getString("recipient"),
                        row.getString("status"), row.getInt("attempts"), instant(row, "next_attempt_at"),
                        row.getString("last_error"), instant(row, "sent_at"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int countFor(String recipient) throws SQLException {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement count = db.prepareStatement(
                "SELECT count(*) FROM outbox_messages WHERE recipient = ?")) {
            count.setString(1, recipient);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Polls the row until {@code done} holds (or fails after {@code timeout}); returns it. */
    static Row await(UUID id, Predicate<Row> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Row row = find(id);
        while (row == null || !done.test(row)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Outbox row not as expected after " + timeout.toMillis() + " ms: " + row);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            row = find(id);
        }
        return row;
    }

    static Row awaitStatus(UUID id, String status, Duration timeout) {
        return await(id, row -> status.equals(row.status()), timeout);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
