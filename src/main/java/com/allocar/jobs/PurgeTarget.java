package com.allocar.jobs;

import com.allocar.platform.settings.Settings;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the clean-up job deletes (JOB-3), one step each in {@code batch-jobs/cleanup.xml}: the table and the condition
 * of a row that is past its retention ({@code ?1} is the cut-off instant: now minus the retention). Each condition is
 * served by an index on its time column.
 */
public enum PurgeTarget {
    OTP_CODES("otp_codes", "expires_at < ?1", Settings.Retention::otp),
    REFRESH_TOKENS("refresh_tokens", "expires_at < ?1", Settings.Retention::refreshToken),
    /** A key past its expiry is never replayed again; one still locked by a request in flight is left alone. */
    IDEMPOTENCY_KEYS("idempotency_keys", "expires_at < ?1 AND (locked_until IS NULL OR locked_until < now())",
            retention -> Duration.ZERO),
    /** Processed notifications only: an unprocessed one is still evidence to work on. */
    WEBHOOK_EVENTS("webhook_events", "received_at < ?1 AND processed_at IS NOT NULL", Settings.Retention::webhook),
    /** Sent messages only: pending and failed ones stay for the worker and for support. */
    OUTBOX_MESSAGES("outbox_messages", "status = 'sent' AND sent_at < ?1", Settings.Retention::outbox),
    JOB_FIRINGS("job_firings", "claimed_at < ?1", Settings.Retention::jobFiring),
    /** The poller's record of attempts it stopped polling (settled, or given up past their expiry). */
    PAYMENT_ATTEMPT_POLLS("payment_attempt_polls", "ended_at < ?1", Settings.Retention::paymentPoll),
    /** Socket tickets live 30 s; an hour past their expiry nobody can use or audit them. */
    WS_TICKETS("ws_tickets", "expires_at < ?1", retention -> Duration.ofHours(1));

    private final String table;
    private final String condition;
    private final Function<Settings.Retention, Duration> retention;

    PurgeTarget(String table, String condition, Function<Settings.Retention, Duration> retention) {
        this.table = table;
        this.condition = condition;
        this.retention = retention;
    }

    public String table() {
        return table;
    }

    Duration retention(Settings.Retention settings) {
        return retention.apply(settings);
    }

    /**
     * Deletes at most {@code ?2} rows past their retention, skipping rows another transaction holds, so that a batch
     * never waits on (or blocks) the hot paths that write these tables.
     */
    String deleteBatchSql() {
        return "DELETE FROM " + table + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table + " WHERE " + condition
                + " LIMIT ?2 FOR UPDATE SKIP LOCKED))";
    }

    /** The step property value ({@code otp_codes}…) to the target. */
    public static PurgeTarget of(String table) {
        for (PurgeTarget target : values()) {
            if (target.table.equals(table)) {
                return target;
            }
        }
        throw new IllegalArgumentException("no clean-up target " + table);
    }
}
