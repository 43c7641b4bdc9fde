package com.allocar.platform.idempotency;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Idempotency keys in PostgreSQL, so they hold across instances. Writes go through a non-transactional data
 * source: the claim on a key must be visible to a concurrent duplicate at once, whatever the business
 * transaction does. Claims are atomic (INSERT … ON CONFLICT), never read-check-write.
 */
@ApplicationScoped
public class IdempotencyStore {
    /** Keys live at least this long (Stripe keeps 24 h). */
    static final String RETENTION = "24 hours";
    /** A claim whose request died without answering may be taken over after this. */
    static final String LOCK = "2 minutes";

    @Resource(lookup = "jdbc/allocarAutonomous")
    DataSource dataSource;

    public sealed interface Claim {
    }

    public record Started(UUID id) implements Claim {
    }

    public record Replay(int status, String body) implements Claim {
    }

    public record InProgress() implements Claim {
    }

    public record Mismatch() implements Claim {
    }

    public Claim claim(String scope, String key, String requestHash) {
        try (Connection connection = dataSource.getConnection()) {
            UUID started = tryClaim(connection, scope, key, requestHash);
            if (started != null) {
                return new Started(started);
            }
            try (PreparedStatement existing = connection.prepareStatement(
                    "SELECT request_hash, status, response_status, response_body FROM idempotency_keys "
                            + "WHERE scope = ? AND idem_key = ?")) {
                existing.setString(1, scope);
                existing.setString(2, key);
                try (ResultSet row = existing.executeQuery()) {
                    if (!row.next()) {
                        // Deleted in between (a 5xx released it): claim again.
                        UUID retried = tryClaim(connection, scope, key, requestHash);
                        return retried != null ? new Started(retried) : new InProgress();
                    }
                    if (!row.getString("request_hash").equals(requestHash)) {
                        return new Mismatch();
                    }
                    if ("completed".equals(row.getString("status"))) {
                        return new Replay(row.getInt("response_status"), row.getString("response_body"));
                    }
                    return new InProgress();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }

    private static UUID tryClaim(Connection connection, String scope, String key, String requestHash)
            throws SQLException {
        String sql = "INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, created_at, expires_at, locked_until) "
                + "VALUES (?, ?, ?, 'in_progress', now(), now() + interval '" + RETENTION + "', now() + interval '" + LOCK + "') "
                + "ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = 'in_progress', "
                + "response_status = NULL, response_body = NULL, created_at = now(), "
                + "expires_at = EXCLUDED.expires_at, locked_until = EXCLUDED.locked_until "
                + "WHERE idempotency_keys.expires_at < now() "
                + "OR (idempotency_keys.status = 'in_progress' AND idempotency_keys.locked_until < now() "
                + "AND idempotency_keys.request_hash = EXCLUDED.request_hash) "
                + "RETURNING id";
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
            claim.setString(1, scope);
            claim.setString(2, key);
            claim.setString(3, requestHash);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? row.getObject(1, UUID.class) : null;
            }
        }
    }

    public void complete(UUID id, int status, String body) {
        execute("UPDATE idempotency_keys SET status = 'completed', response_status = ?, response_body = ?, "
                + "locked_until = NULL WHERE id = ?", statement -> {
                    statement.setInt(1, status);
                    statement.setString(2, body);
                    statement.setObject(3, id);
                });
    }

    /** Forgets a claim whose request failed on our side, so that the client's retry runs again. */
    public void release(UUID id) {
        execute("DELETE FROM idempotency_keys WHERE id = ?", statement -> statement.setObject(1, id));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency store unavailable", e);
        }
    }
}
