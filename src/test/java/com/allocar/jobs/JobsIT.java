package com.allocar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.BatchConsole;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.ItServer;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jobs foundation on the running server: Liberty's job repository in PostgreSQL, the clean-up job run from the
 * batch REST API as an operator would, its retention rules, per-job metrics, and the schedule's one-run-per-firing
 * claim (fired through the test WAR's probe, since the clock-driven schedule is off in tests).
 */
class JobsIT {
    private static final Duration RUN = Duration.ofSeconds(60);

    @BeforeAll
    static void server() {
        ItServer.awaitReady();
    }

    @Test
    void cleanupDeletesWhatIsPastItsRetentionAndKeepsTheRest() {
        String tag = UUID.randomUUID().toString();
        // one-time codes: retention 48 h after expiry
        UUID oldOtp = Db.id("INSERT INTO otp_codes (target, purpose, code_hash, expires_at, created_at) "
                + "VALUES (?, 'login', 'x', now() - interval '3 days', now() - interval '3 days') RETURNING id", tag);
        UUID recentOtp = Db.id("INSERT INTO otp_codes (target, purpose, code_hash, expires_at) "
                + "VALUES (?, 'login', 'x', now() - interval '1 hour') RETURNING id", tag);
        // idempotency keys: gone once expired, unless a request still holds them
        UUID expiredKey = Db.id("INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, expires_at) "
                + "VALUES ('jobs-it', ?, 'h', 'completed', now() - interval '1 minute') RETURNING id", tag + "-1");
        UUID lockedKey = Db.id("INSERT INTO idempotency_keys (scope, idem_key, request_hash, expires_at, locked_until) "
                + "VALUES ('jobs-it', ?, 'h', now() - interval '1 minute', now() + interval '1 minute') RETURNING id",
                tag + "-2");
        UUID liveKey = Db.id("INSERT INTO idempotency_keys (scope, idem_key, request_hash, status, expires_at) "
                + "VALUES ('jobs-it', ?, 'h', 'completed', now() + interval '1 day') RETURNING id", tag + "-3");
        // webhook inbox: processed rows past 90 days go, unprocessed ones stay whatever their age
        UUID oldProcessed = Db.id("INSERT INTO webhook_events (provider, event_id, payload, received_at, processed_at) "
                + "VALUES ('wave', ?, '{}', now() - interval '100 days', now() - interval '100 days') RETURNING id",
                tag + "-a");
        UUID oldUnprocessed = Db.id("INSERT INTO webhook_events (provider, event_id, payload, received_at) "
                + "VALUES ('wave', ?, '{}', now() - interval '100 days') RETURNING id", tag + "-b");
        UUID recentProcessed = Db.id("INSERT INTO webhook_events (provider, event_id, payload, processed_at) "
                + "VALUES ('wave', ?, '{}', now()) RETURNING id", tag + "-c");
        // outbox: sent rows past 30 days go; failed ones stay for support
        UUID oldSent = outbox(tag, "sent", "now() - interval '40 days'");
        UUID oldFailed = outbox(tag, "failed", "null");
        UUID recentSent = outbox(tag, "sent", "now() - interval '1 day'");
        // socket tickets: gone an hour after their expiry
        UUID ticketOwner = com.allocar.testsupport.TestTokens.newUser();
        UUID oldTicket = Db.id("INSERT INTO ws_tickets (token_hash, user_id, room, expires_at, created_at) VALUES "
                + "(?, ?, 'bookings/x', now() - interval '2 hours', now() - interval '3 hours') RETURNING id",
                tag + "-t1", ticketOwner);
        UUID liveTicket = Db.id("INSERT INTO ws_tickets (token_hash, user_id, room, expires_at) VALUES "
                + "(?, ?, 'bookings/x', now() + interval '30 seconds') RETURNING id", tag + "-t2", ticketOwner);

        long execution = BatchConsole.submit("cleanup", Map.of("batchSize", "2"));
        assertThat(BatchConsole.awaitEnd(execution, RUN)).isEqualTo("COMPLETED");

        assertThat(exists("otp_codes", oldOtp)).isFalse();
        assertThat(exists("otp_codes", recentOtp)).isTrue();
        assertThat(exists("idempotency_keys", expiredKey)).isFalse();
        assertThat(exists("idempotency_keys", lockedKey)).isTrue();
        assertThat(exists("idempotency_keys", liveKey)).isTrue();
        assertThat(exists("webhook_events", oldProcessed)).isFalse();
        assertThat(exists("webhook_events", oldUnprocessed)).isTrue();
        assertThat(exists("webhook_events", recentProcessed)).isTrue();
        assertThat(exists("outbox_messages", oldSent)).isFalse();
        assertThat(exists("outbox_messages", oldFailed)).isTrue();
        assertThat(exists("outbox_messages", recentSent)).isTrue();
        assertThat(exists("ws_tickets", oldTicket)).isFalse();
        assertThat(exists("ws_tickets", liveTicket)).isTrue();

        // every table is a step of its own, each telling what it deleted
        List<Map<String, Object>> steps = BatchConsole.steps(execution).stream()
                .filter(step -> step.get("stepName") != null).toList();
        assertThat(steps).extracting(step -> step.get("stepName")).containsExactly("otp-codes", "refresh-tokens",
                "idempotency-keys", "webhook-events", "outbox-messages", "job-firings", "payment-attempt-polls", "ws-tickets");
        assertThat(steps).allSatisfy(step -> assertThat((String) step.get("exitStatus")).startsWith("deleted="));

        // the run lives in PostgreSQL's job repository (schema jbatch), not in memory
        assertThat(Db.value(Long.class, "SELECT count(*) FROM jbatch.wlpjobexecution WHERE jobexecid = ?",
                execution)).isEqualTo(1L);

        String metrics = Clients.anonymous().accept("text/plain").get("/metrics").asString();
        assertThat(metrics).containsPattern("batch_job_runs_total\\{[^}]*job=\"cleanup\"[^}]*status=\"COMPLETED\"");
        assertThat(metrics).containsPattern("batch_job_duration_seconds_count\\{[^}]*job=\"cleanup\"");
        assertThat(metrics).containsPattern("batch_job_items_total\\{[^}]*job=\"cleanup\"");
    }

    @Test
    void aScheduledFiringStartsOneRunHoweverManyInstancesFireIt() throws Exception {
        // a due time of its own (whole seconds, as the schedule computes them), fired from 6 threads at once
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3650))
                .plusSeconds(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 86_400L * 365));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Long>> fired = new ArrayList<>();
        try {
            Callable<Long> fire = () -> {
                Long id = Clients.anonymous().contentType(ContentType.JSON)
                        .body(Clients.json(Map.of("job", "cleanup", "due", due.toString())))
                        .post("/api/v1/_probes/jobs/fire").then().statusCode(200)
                        .extract().jsonPath().getObject("data.execution_id", Long.class);
                return id;
            };
            for (int i = 0; i < 6; i++) {
                fired.add(pool.submit(fire));
            }
            List<Long> executions = new ArrayList<>();
            for (Future<Long> f : fired) {
                executions.add(f.get());
            }
            List<Long> started = executions.stream().filter(Objects::nonNull).toList();
            assertThat(started).hasSize(1);
            assertThat(BatchConsole.awaitEnd(started.get(0), RUN)).isEqualTo("COMPLETED");
            assertThat(Db.value(String.class, "SELECT outcome FROM job_firings WHERE job_name = 'cleanup' AND due_at = ?",
                    java.sql.Timestamp.from(due))).isEqualTo("started");
            assertThat(Db.value(Long.class, "SELECT execution_id FROM job_firings WHERE job_name = 'cleanup' "
                    + "AND due_at = ?", java.sql.Timestamp.from(due))).isEqualTo(started.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    private static UUID outbox(String tag, String status, String sentAt) {
        return Db.id("INSERT INTO outbox_messages (channel, recipient, body, status, sent_at) VALUES ('sms', ?, 'x', ?, "
                + sentAt + ") RETURNING id", tag, status);
    }

    private static boolean exists(String table, UUID id) {
        return Db.value(Long.class, "SELECT count(*) FROM " + table + " WHERE id = ?", id) == 1L;
    }
}
