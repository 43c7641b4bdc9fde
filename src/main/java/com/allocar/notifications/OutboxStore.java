package com.allocar.notifications;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The worker's side of {@code outbox_messages}. Every statement runs on its own, committed at once, through the
 * non-transactional data source: a claim is one {@code UPDATE … RETURNING} whose rows are picked
 * {@code FOR UPDATE SKIP LOCKED}, so several instances never claim the same message, and no transaction stays
 * open while messages are sent. A claim lasts until {@code next_attempt_at} (the claim deadline while a row is
 * {@code sending}); a row whose claim expired (its worker died) is claimed again. The attempt number fences
 * the claim: the outcome of an attempt is written only while the row is still at that attempt. Settling a
 * sensitive message (sent or failed) erases its text in the same statement.
 */
@ApplicationScoped
public class OutboxStore {
    static final int MAX_ERROR_LENGTH = 500;
    /** A message that carries a secret keeps its text only while it may still be sent (a CHECK holds the rule). */
    static final String ERASE_SECRET = "body = CASE WHEN sensitive THEN NULL ELSE body END";

    @Resource(lookup = "jdbc/allocarAutonomous")
    DataSource dataSource;

    /** Claims up to {@code limit} due messages of the given channels, oldest due first. */
    public List<ClaimedMessage> claim(Set<OutboxChannel> channels, int limit, Duration claimFor) {
        String channelList = channels.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
        String sql = "WITH due AS MATERIALIZED ("
                + "SELECT id FROM outbox_messages "
                + "WHERE ((status = 'pending' AND next_attempt_at <= now()) "
                + "OR (status = 'sending' AND next_attempt_at <= now())) "
                + "AND channel IN (" + channelList + ") "
                + "ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "UPDATE outbox_messages m SET status = 'sending', attempts = m.attempts + 1, "
                + "next_attempt_at = now() + make_interval(secs => ?) "
                + "FROM due WHERE m.id = due.id "
                + "RETURNING m.id, m.channel, m.recipient, m.subject, m.body, m.attempts, m.payload::text AS payload, "
                + "m.user_id, m.event_key";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(sql)) {
            claim.setInt(1, limit);
            claim.setDouble(2, claimFor.toMillis() / 1000.0);
            List<ClaimedMessage> claimed = new ArrayList<>();
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    claimed.add(new ClaimedMessage(row.getObject("id", UUID.class),
                            OutboxChannel.valueOf(row.getString("channel")), row.getString("recipient"),
                            row.getString("subject"), row.getString("body"), row.getInt("attempts"),
                            row.getString("payload"), row.getObject("user_id", UUID.class), row.getString("event_key")));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox claim failed: " + e.getMessage(), e);
        }
    }

    /** The message was delivered (by this attempt, or by a competing one after an expired claim). */
    public boolean sent(ClaimedMessage message) {
        return update("UPDATE outbox_messages SET status = 'sent', sent_at = now(), " + ERASE_SECRET
                + " WHERE id = ? AND status <> 'sent'",
                statement -> statement.setObject(1, message.id()));
    }

    /** The attempt failed and another follows after {@code delay}. */
    public boolean retry(ClaimedMessage message, Duration delay, String error) {
        return update("UPDATE outbox_messages SET status = 'pending', next_attempt_at = now() + make_interval(secs => ?), "
                + "last_error = ? WHERE id = ? AND status = 'sending' AND attempts = ?", statement -> {
                    statement.setDouble(1, delay.toMillis() / 1000.0);
                    statement.setString(2, truncate(error));
                    statement.setObject(3, message.id());
                    statement.setInt(4, message.attempts());
                });
    }

    /** The message is given up: a permanent failure, or the last attempt failed. */
    public boolean fail(ClaimedMessage message, String error) {
        return update("UPDATE outbox_messages SET status = 'failed', last_error = ?, " + ERASE_SECRET + " "
                + "WHERE id = ? AND status = 'sending' AND attempts = ?", statement -> {
                    statement.setString(1, truncate(error));
                    statement.setObject(2, message.id());
                    statement.setInt(3, message.attempts());
                });
    }

    /** Hands back a claimed message that was not attempted (the worker is stopping), without using up an attempt. */
    public boolean release(ClaimedMessage message) {
        return update("UPDATE outbox_messages SET status = 'pending', attempts = attempts - 1, next_attempt_at = now() "
                + "WHERE id = ? AND status = 'sending' AND attempts = ?", statement -> {
                    statement.setObject(1, message.id());
                    statement.setInt(2, message.attempts());
                });
    }

    /** Whether a push token is still registered to the user the message is for (devices move between accounts). */
    public boolean deviceRegistered(String token, UUID userId) {
        String sql = "SELECT 1 FROM device_tokens WHERE token = ? AND user_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, token);
            statement.setObject(2, userId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Device look-up failed: " + e.getMessage(), e);
        }
    }

    /** Forgets a push token the provider no longer knows. */
    public boolean forgetDevice(String token) {
        return update("DELETE FROM device_tokens WHERE token = ?", statement -> statement.setString(1, token));
    }

    /**
     * Queues the SMS a critical notification falls back to once none of its pushes can arrive: written only while no
     * push of the same event to the same user is sent or still on its way, and at most once (its dedupe key). Each
     * push marks its own failure before calling this, so the last of them to fail sees all the others settled.
     */
    public boolean fallBackToSms(ClaimedMessage push, String phone, String text) {
        return update("INSERT INTO outbox_messages (channel, recipient, body, dedupe_key, event_key, user_id) "
                + "SELECT 'sms', ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM outbox_messages "
                + "WHERE event_key = ? AND user_id = ? AND channel = 'push' AND status IN ('pending', 'sending', 'sent')) "
                + "ON CONFLICT (dedupe_key) DO NOTHING", statement -> {
                    statement.setString(1, phone);
                    statement.setString(2, text);
                    statement.setString(3, DedupeKeys.of(push.eventKey(), push.userId(), OutboxChannel.sms, null));
                    statement.setString(4, push.eventKey());
                    statement.setObject(5, push.userId());
                    statement.setString(6, push.eventKey());
                    statement.setObject(7, push.userId());
                });
    }

    static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private boolean update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox update failed: " + e.getMessage(), e);
        }
    }
}
