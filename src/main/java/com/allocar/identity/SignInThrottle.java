package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.web.RequestContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-identifier back-off on password sign-in (users and admins), against guessing from many addresses:
 * {@code ALLOCAR_SIGN_IN_MAX_FAILURES} attempts within {@code ALLOCAR_SIGN_IN_LOCK_MINUTES} that all fail lock the
 * identifier for {@code ALLOCAR_SIGN_IN_LOCK_MINUTES}: every sign-in with it is then answered 429
 * {@code rate_limited} with Retry-After, before any password is checked, whether the account exists or not.
 * <p>
 * Kept in PostgreSQL ({@code sign_in_throttle}) so it holds across instances, written through the non-transactional
 * data source so a failure counts although its request fails. Each attempt is counted when it starts, by one
 * conditional upsert that refuses while locked: concurrent guesses cannot slip past the limit between the check
 * and the count. A success clears the identifier. The 5th failure leaves an {@code auth.sign_in_failure_burst}
 * audit entry, the lock an {@code auth.sign_in_locked} one (identifier masked).
 */
@ApplicationScoped
public class SignInThrottle {
    static final int BURST = 5;

    /** Counts the attempt unless locked; returns the attempts in the window, or -1 when locked. */
    private static final String CLAIM = """
            INSERT INTO sign_in_throttle AS t (scope, identifier, attempts, window_started_at) VALUES (?, ?, 1, now())
            ON CONFLICT (scope, identifier) DO UPDATE SET
              attempts = CASE WHEN t.locked_until IS NOT NULL OR t.window_started_at <= now() - make_interval(mins => ?)
                              THEN 1 ELSE t.attempts + 1 END,
              window_started_at = CASE WHEN t.locked_until IS NOT NULL
                                         OR t.window_started_at <= now() - make_interval(mins => ?)
                                       THEN now() ELSE t.window_started_at END,
              locked_until = NULL
            WHERE t.locked_until IS NULL OR t.locked_until <= now()
            RETURNING attempts""";
    private static final String LOCK = "UPDATE sign_in_throttle SET locked_until = now() + make_interval(mins => ?) "
            + "WHERE scope = ? AND identifier = ? AND locked_until IS NULL";
    private static final String LOCKED_FOR = "SELECT ceil(extract(epoch FROM locked_until - now())) FROM sign_in_throttle "
            + "WHERE scope = ? AND identifier = ? AND locked_until > now()";
    private static final String CLEAR = "DELETE FROM sign_in_throttle WHERE scope = ? AND identifier = ?";
    /** Rows idle for a day (window and lock over) go; one attempt in a hundred runs it, so no job is needed. */
    private static final String PURGE = "DELETE FROM sign_in_throttle WHERE window_started_at < now() - interval '1 day' "
            + "AND (locked_until IS NULL OR locked_until < now())";

    /** Who signs in: the scope of the identifier (one identifier may be a user's and an admin's address). */
    public enum Scope {
        user, admin
    }

    /** A counted attempt, to report as failed or succeeded. */
    public record Attempt(Scope scope, String identifier, int number) {
    }

    @Resource(lookup = "jdbc/allocarAutonomous")
    DataSource dataSource;

    @Inject
    AuditService audit;

    @Inject
    @ConfigProperty(name = "ALLOCAR_SIGN_IN_MAX_FAILURES", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "ALLOCAR_SIGN_IN_LOCK_MINUTES", defaultValue = "15")
    int lockMinutes;

    /**
     * Counts a sign-in attempt with {@code identifier}.
     *
     * @throws RateLimitedException 429 while the identifier is locked, or when this attempt is beyond the limit
     */
    public Attempt begin(Scope scope, String identifier) {
        String key = canonical(identifier);
        try (Connection db = dataSource.getConnection()) {
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                update(db, PURGE);
            }
            Integer number = claim(db, scope, key);
            if (number != null && number > maxFailures) {
                // concurrent attempts that passed the claim together: the limit is the limit
                lock(db, scope, key, number - 1);
                number = null;
            }
            if (number == null) {
                throw new RateLimitedException("sign_in_lock", lockedFor(db, scope, key));
            }
            return new Attempt(scope, key, number);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count a sign-in attempt", e);
        }
    }

    /** The password was wrong (or the account unknown): audited at a burst, locked at the limit. */
    public void failed(Attempt attempt) {
        if (attempt.number() == BURST && BURST < maxFailures) {
            audit.recordIndependently(ActorType.system, null, "auth.sign_in_failure_burst", entity(attempt.scope()),
                    null, details(attempt.identifier(), Map.of("failures", BURST, "window_minutes", lockMinutes)));
        }
        if (attempt.number() >= maxFailures) {
            try (Connection db = dataSource.getConnection()) {
                lock(db, attempt.scope(), attempt.identifier(), attempt.number());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot lock a sign-in identifier", e);
            }
        }
    }

    /** The password was right: the identifier starts afresh. */
    public void succeeded(Attempt attempt) {
        try (Connection db = dataSource.getConnection()) {
            update(db, CLEAR, attempt.scope().name(), attempt.identifier());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear sign-in attempts", e);
        }
    }

    private Integer claim(Connection db, Scope scope, String key) throws SQLException {
        try (PreparedStatement claim = db.prepareStatement(CLAIM)) {
            claim.setString(1, scope.name());
            claim.setString(2, key);
            claim.setInt(3, lockMinutes);
            claim.setInt(4, lockMinutes);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    private void lock(Connection db, Scope scope, String key, int failures) throws SQLException {
        if (update(db, LOCK, lockMinutes, scope.name(), key) == 1) {
            audit.recordIndependently(ActorType.system, null, "auth.sign_in_locked", entity(scope), null,
                    details(key, Map.of("failures", failures, "lock_minutes", lockMinutes)));
        }
    }

    private long lockedFor(Connection db, Scope scope, String key) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(LOCKED_FOR)) {
            query.setString(1, scope.name());
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Math.max(1, row.getLong(1)) : 1;
            }
        }
    }

    private static int update(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static String entity(Scope scope) {
        return scope == Scope.admin ? "admin_users" : "users";
    }

    private static Map<String, Object> details(String key, Map<String, Object> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("identifier", key.contains("@") ? key : PhoneNumbers.mask(key));
        details.putAll(more);
        details.put("last_ip", String.valueOf(RequestContext.clientIp()));
        return details;
    }

    /** The same account however it was typed: phone numbers in E.164, addresses in lower case. */
    static String canonical(String identifier) {
        String text = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        if (text.contains("@") || !PhoneNumbers.looksLikePhone(text)) {
            return text;
        }
        try {
            return PhoneNumbers.normalize(text, "identifier");
        } catch (ValidationException notAPhone) {
            return text;
        }
    }
}
