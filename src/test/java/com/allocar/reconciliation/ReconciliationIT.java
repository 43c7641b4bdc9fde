package com.allocar.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.testsupport.Answers;
import com.allocar.testsupport.BatchConsole;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, point 3b: the daily reconciliation finds differences planted in our rows and in the providers'
 * stand-ins, repairs the safe one through the webhook path, records each run and difference, exports them as CSV;
 * and finance's list of payments. Each test reconciles a day of its own in the past, so that only its own rows are
 * that day's.
 */
class ReconciliationIT {
    private static final String ADMIN = "/api/v1/admin/reconciliation";
    private static WaveStandIn wave;
    private static MtnStandIn mtn;
    private static StripeStandIn stripe;
    private static String finance;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
        OrangeStandIn.start();
        mtn = MtnStandIn.start();
        stripe = StripeStandIn.start();
        finance = TestTokens.forAdmin("finance");
    }

    /** A day of this test's own, years ago. */
    private static LocalDate ownDay() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 7000));
    }

    private static OffsetDateTime noon(LocalDate day) {
        return day.atTime(12, 0).atOffset(ZoneOffset.UTC);
    }

    /** A wallet top-up through {@code method}: its payment id (also its first attempt's id). */
    private static UUID topUp(int amount, String method) {
        UUID user = TestTokens.newUser();
        Response response = Clients.withToken(TestTokens.forUser(user))
                .body(Clients.json(Map.of("amount", amount, "method", method))).post("/api/v1/wallet/topup");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        UUID payment = UUID.fromString(response.jsonPath().getString("data.payment.id"));
        noPolls(payment);
        return payment;
    }

    /** The poller leaves the attempt alone: the reconciliation is what these tests look at. */
    private static void noPolls(UUID attempt) {
        Db.sql("UPDATE payment_attempt_polls SET ended_at = now(), last_outcome = 'test' WHERE attempt_id = ?", attempt);
    }

    private static String deliver(String provider, SignedWebhook webhook) {
        Response response = Clients.anonymous().headers(webhook.headers()).body(webhook.body())
                .post("/api/v1/payments/webhook/" + provider + webhook.queryString());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getString("data.outcome");
    }

    private static String status(String table, UUID id) {
        return Db.value(String.class, "SELECT status FROM " + table + " WHERE id = ?", id);
    }

    private static Map<String, Object> row(String sql, Object... parameters) {
        Map<String, Object> row = new LinkedHashMap<>();
        Db.query(sql, rows -> {
            if (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getObject(i));
                }
            }
        }, parameters);
        return row;
    }

    private static long count(String sql, Object... parameters) {
        return Db.value(Long.class, sql, parameters);
    }

    private static Response start(String token, Map<String, Object> body) {
        return Clients.withToken(token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Clients.json(body)).post(ADMIN + "/run");
    }

    /** Starts a run of {@code day} (all providers unless given) and waits for it to end: the run. */
    private static JsonPath reconcile(LocalDate day, String provider) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("day", day.toString());
        if (provider != null) {
            body.put("provider", provider);
        }
        Response started = start(finance, body);
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String runId = started.jsonPath().getString("data.run.id");
        assertThat(started.getHeader("Location")).endsWith("/admin/reconciliation/runs/" + runId);
        assertThat(started.jsonPath().getLong("data.execution_id")).isPositive();
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (true) {
            JsonPath run = Clients.withToken(finance).get(ADMIN + "/runs/" + runId).then().statusCode(200)
                    .extract().jsonPath().setRootPath("data");
            if (!"running".equals(run.getString("status"))) {
                return run;
            }
            assertThat(System.nanoTime()).as("the run of " + day + " ends within 90 s").isLessThan(deadline);
            sleep(200);
        }
    }

    private static List<Map<String, Object>> items(String runId, String query) {
        return Clients.withToken(finance).get(ADMIN + "/runs/" + runId + "/items?page_size=100" + query)
                .then().statusCode(200).extract().jsonPath().getList("data");
    }

    private static Map<String, Object> itemFor(List<Map<String, Object>> items, String field, Object value) {
        return items.stream().filter(item -> String.valueOf(value).equals(String.valueOf(item.get(field))))
                .findFirst().orElseThrow(() -> new AssertionError("no item with " + field + " = " + value + " in " + items));
    }

    @Test
    void theDailyReconciliationFindsPlantedDifferencesAndRepairsTheSafeOne() {
        LocalDate day = ownDay();

        // a. Wave paid, the webhook lost, the poller gave up: init here -> repaired, the booking paid
        BookingFixtures.TripRef trip = BookingFixtures.trip(3, true);
        BookingFixtures.Passenger passenger = BookingFixtures.Passenger.create();
        String bookingId = BookingFixtures.accepted(trip, passenger, 1);
        Response init = BookingFixtures.pay(passenger.token(), bookingId, "wave");
        assertThat(init.statusCode()).as(init.asString()).isEqualTo(201);
        UUID lost = UUID.fromString(init.jsonPath().getString("data.payment.id"));
        noPolls(lost);
        wave.pay(wave.sessionFor(lost.toString()).getString("id"));
        Db.sql("UPDATE payment_attempts SET created_at = ? WHERE id = ?", noon(day), lost);

        // b. paid here, Wave now reports another amount -> amount_mismatch, not repaired
        UUID otherAmount = topUp(5000, "wave");
        String otherAmountSession = wave.sessionFor(otherAmount.toString()).getString("id");
        wave.pay(otherAmountSession);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", otherAmountSession))).isEqualTo("applied");
        wave.setAmount(otherAmountSession, "4000");
        Db.sql("UPDATE payments SET paid_at = ? WHERE id = ?", noon(day), otherAmount);

        // c. paid here (planted), FAILED at MTN -> status_mismatch, never un-paid
        UUID paidHereOnly = topUp(3000, "mtn");
        mtn.fail(paidHereOnly.toString(), "NOT_ENOUGH_FUNDS");
        Db.sql("UPDATE payment_attempts SET status = 'succeeded' WHERE id = ?", paidHereOnly);
        Db.sql("UPDATE payments SET status = 'paid', paid_at = ? WHERE id = ?", noon(day), paidHereOnly);

        // d. paid here, unknown at Wave -> missing_at_provider
        UUID unknownThere = topUp(2000, "wave");
        String madeUpSession = "cos-gone" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Db.sql("UPDATE payment_attempts SET status = 'succeeded', provider_ref = ? WHERE id = ?", madeUpSession, unknownThere);
        Db.sql("UPDATE payments SET status = 'paid', paid_at = ?, provider_ref = ? WHERE id = ?", noon(day),
                madeUpSession, unknownThere);

        // e. a Stripe intent paid that day that is no attempt of ours -> missing_here (Stripe's list)
        String foreignIntent = stripe.createElsewhere(7000, Map.of("payment_id", UUID.randomUUID().toString()));
        stripe.succeed(foreignIntent);
        stripe.createdAt(foreignIntent, noon(day).toInstant());

        // f. a second Wave session of one of our references was paid -> missing_here (Wave's search)
        UUID searched = topUp(2500, "wave");
        Db.sql("UPDATE payment_attempts SET created_at = ? WHERE id = ?", noon(day), searched);
        String secondSession = wave.createElsewhere(searched.toString(), "2500");
        wave.pay(secondSession);

        // g. refunded in full here (planted), not at Stripe -> status_mismatch of the refund
        UUID card = topUp(6000, "card");
        String intent = stripe.intentFor(card.toString());
        stripe.succeed(intent);
        assertThat(deliver("stripe", stripe.webhook("payment_intent.succeeded", intent))).isEqualTo("applied");
        UUID refund = Db.id("INSERT INTO payment_refunds (payment_id, amount, route, status, reason, actor_type, "
                + "completed_at) VALUES (?, 6000, 'ORIGINAL', 'completed', 'test', 'system', ?) RETURNING id", card, noon(day));
        Db.sql("UPDATE payments SET status = 'refunded', refunded_amount = 6000, refunded_at = ? WHERE id = ?",
                noon(day), card);

        // h. a signed success that named nothing of ours -> missing_here
        String eventId = "EV_" + UUID.randomUUID();
        Db.sql("INSERT INTO webhook_events (provider, event_id, event_type, payload, received_at, processed_at, outcome) "
                + "VALUES ('wave', ?, 'checkout.session.completed', '{}'::jsonb, ?, ?, 'needs_review')", eventId,
                noon(day), noon(day));

        // i. consistent on both sides: nothing to report
        UUID clean = topUp(1500, "wave");
        String cleanSession = wave.sessionFor(clean.toString()).getString("id");
        wave.pay(cleanSession);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", cleanSession))).isEqualTo("applied");
        Db.sql("UPDATE payments SET paid_at = ? WHERE id = ?", noon(day), clean);

        JsonPath run = reconcile(day, null);
        assertThat(run.getString("status")).isEqualTo("done");
        assertThat(run.getString("triggered_by")).isEqualTo("admin");
        assertThat(run.getInt("differences")).isEqualTo(8);
        assertThat(run.getInt("repaired")).isEqualTo(1);
        assertThat(run.getInt("records_unchecked")).isZero();
        assertThat(run.getInt("records_checked")).isGreaterThanOrEqualTo(8);
        String runId = run.getString("id");

        List<Map<String, Object>> items = items(runId, "");
        assertThat(items).hasSize(8);
        Map<String, Object> repaired = itemFor(items, "attempt_id", lost);
        assertThat(repaired.get("kind")).isEqualTo("status_mismatch");
        assertThat(repaired.get("repaired")).isEqualTo(true);
        assertThat(repaired.get("our_status")).isEqualTo("init/open");
        assertThat((String) repaired.get("provider_status")).startsWith("succeeded");
        assertThat(status("payments", lost)).isEqualTo("paid");
        assertThat(Db.value(String.class, "SELECT status FROM bookings WHERE id = ?::uuid", bookingId)).isEqualTo("paid");
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'payments' AND entity_id = ? "
                + "AND action = 'payment.paid' AND meta->>'source' = 'reconciliation:wave'", lost)).isOne();

        Map<String, Object> amount = itemFor(items, "attempt_id", otherAmount);
        assertThat(amount.get("kind")).isEqualTo("amount_mismatch");
        assertThat(amount.get("repaired")).isEqualTo(false);
        assertThat(((Number) amount.get("our_amount")).intValue()).isEqualTo(5000);
        assertThat(((Number) amount.get("provider_amount")).intValue()).isEqualTo(4000);

        Map<String, Object> failedThere = itemFor(items, "attempt_id", paidHereOnly);
        assertThat(failedThere.get("kind")).isEqualTo("status_mismatch");
        assertThat(failedThere.get("repaired")).isEqualTo(false);
        assertThat((String) failedThere.get("action")).startsWith("finance:").contains("never un-paid");
        assertThat(status("payments", paidHereOnly)).as("never un-paid automatically").isEqualTo("paid");

        assertThat(itemFor(items, "attempt_id", unknownThere).get("kind")).isEqualTo("missing_at_provider");
        Map<String, Object> foreign = itemFor(items, "provider_ref", foreignIntent);
        assertThat(foreign.get("kind")).isEqualTo("missing_here");
        assertThat(foreign.get("provider")).isEqualTo("stripe");
        assertThat(((Number) foreign.get("provider_amount")).intValue()).isEqualTo(7000);
        assertThat(itemFor(items, "provider_ref", secondSession).get("kind")).isEqualTo("missing_here");
        Map<String, Object> refunded = itemFor(items, "refund_id", refund);
        assertThat(refunded.get("kind")).isEqualTo("status_mismatch");
        assertThat(refunded.get("record_type")).isEqualTo("refund");
        assertThat(itemFor(items, "provider_ref", eventId).get("kind")).isEqualTo("missing_here");
        assertThat(items).noneMatch(item -> clean.toString().equals(item.get("payment_id")));

        assertThat(items(runId, "&kind=missing_here")).hasSize(3);
        assertThat(items(runId, "&repaired=true")).hasSize(1);
        assertThat(items(runId, "&provider=stripe")).hasSize(2);
        List<Map<String, Object>> runs = Clients.withToken(finance).get(ADMIN + "/runs?day=" + day)
                .then().statusCode(200).extract().jsonPath().getList("data");
        assertThat(runs).extracting(r -> r.get("id")).containsExactly(runId);

        // the CSV of the differences, audited
        Response csv = Clients.withToken(finance).get(ADMIN + "/runs/" + runId + "/export?format=csv");
        assertThat(csv.statusCode()).as(csv.asString()).isEqualTo(200);
        assertThat(csv.getContentType()).startsWith("text/csv");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).startsWith("run_id,day,kind,record_type,provider,payment_id,attempt_id");
        assertThat(lines).anyMatch(line -> line.contains(lost.toString()) && line.contains("status_mismatch")
                && line.contains(",true,"));
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'reconciliation_runs' AND entity_id = ?::uuid "
                + "AND action = 'reconciliation.items_exported' AND actor_type = 'admin'", runId)).isOne();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'reconciliation_runs' AND entity_id = ?::uuid "
                + "AND action IN ('reconciliation.run_started', 'reconciliation.run_finished')", runId)).isEqualTo(2);

        // the run is a job of the batch console, submitted by the admin; tokens do not sign in there
        long executionId = run.getLong("batch_execution_id");
        assertThat(BatchConsole.awaitEnd(executionId, Duration.ofSeconds(30))).isEqualTo("COMPLETED");
        JsonPath execution = BatchConsole.execution(executionId);
        assertThat(execution.getString("jobName")).isEqualTo("reconciliation");
        assertThat(execution.getString("batchStatus")).isEqualTo("COMPLETED");
        assertThat(RestAssured.given().relaxedHTTPSValidation().header("Authorization", "Bearer " + finance)
                .get(ItServer.httpsBaseUrl() + "/ibm/api/batch/jobinstances").statusCode()).isEqualTo(401);

        // a second run of the day: the repaired payment is consistent now, nothing is applied twice
        JsonPath again = reconcile(day, null);
        assertThat(again.getString("status")).isEqualTo("done");
        assertThat(again.getInt("differences")).isEqualTo(7);
        assertThat(again.getInt("repaired")).isZero();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'payments' AND entity_id = ? "
                + "AND action = 'payment.paid'", lost)).isOne();
    }

    @Test
    void aFailedRunIsRestartedFromTheBatchConsoleAndResumesTheSameRun() {
        LocalDate day = ownDay();
        UUID lost = topUp(3500, "wave");
        wave.pay(wave.sessionFor(lost.toString()).getString("id"));
        Db.sql("UPDATE payment_attempts SET created_at = ? WHERE id = ?", noon(day), lost);
        // a run whose progress cannot be read: its first execution fails
        UUID runId = Db.id("INSERT INTO reconciliation_runs (day, triggered_by, phase, phase_cursor) "
                + "VALUES (?, 'console', 'attempts', 'not-a-record') RETURNING id", day);
        long first = BatchConsole.submit("reconciliation", Map.of("day", day.toString(), "runId", runId.toString()));
        assertThat(BatchConsole.awaitEnd(first, Duration.ofSeconds(60))).isEqualTo("FAILED");
        assertThat(status("reconciliation_runs", runId)).isEqualTo("failed");
        assertThat(Db.value(String.class, "SELECT failure FROM reconciliation_runs WHERE id = ?", runId))
                .contains("IllegalArgumentException");
        assertThat(status("payments", lost)).isEqualTo("init");

        // restarted without parameters: the job instance's run is found again and resumed
        Db.sql("UPDATE reconciliation_runs SET phase_cursor = NULL WHERE id = ?", runId);
        long second = BatchConsole.restart(first);
        assertThat(BatchConsole.awaitEnd(second, Duration.ofSeconds(60))).isEqualTo("COMPLETED");
        assertThat(status("reconciliation_runs", runId)).isEqualTo("done");
        assertThat(Db.value(Integer.class, "SELECT repaired FROM reconciliation_runs WHERE id = ?", runId)).isOne();
        assertThat(Db.value(Long.class, "SELECT batch_execution_id FROM reconciliation_runs WHERE id = ?", runId))
                .isEqualTo(second);
        assertThat(status("payments", lost)).isEqualTo("paid");
        assertThat(count("SELECT count(*) FROM reconciliation_runs WHERE day = ?", day)).as("the same run").isOne();
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity = 'reconciliation_runs' AND entity_id = ? "
                + "AND action = 'reconciliation.run_failed'", runId)).isOne();
    }

    @Test
    void aScheduledExecutionOpensARunOfItsOwn() {
        LocalDate day = ownDay();
        long execution = BatchConsole.submit("reconciliation", Map.of("trigger", "schedule", "day", day.toString()));
        assertThat(BatchConsole.awaitEnd(execution, Duration.ofSeconds(90))).isEqualTo("COMPLETED");
        Map<String, Object> run = row("SELECT day, triggered_by, status, admin_id FROM reconciliation_runs "
                + "WHERE batch_execution_id = ?", execution);
        assertThat(run.get("day").toString()).isEqualTo(day.toString());
        assertThat(run.get("triggered_by")).isEqualTo("schedule");
        assertThat(run.get("status")).isEqualTo("done");
        assertThat(run.get("admin_id")).isNull();
    }

    /** A payout made at the Wave stand-in (as our payouts job would have made it): its id. */
    private static String wavePayout(String clientReference, int amount, String status) {
        wave.nextPayoutStatus(status);
        try {
            Response made = RestAssured.given().baseUri(wave.baseUrl()).header("Authorization", "Bearer " + wave.apiKey())
                    .header("idempotency-key", UUID.randomUUID().toString()).contentType("application/json")
                    .body(Clients.json(Map.of("currency", "XOF", "receive_amount", String.valueOf(amount),
                            "mobile", "+2250700000000", "client_reference", clientReference)))
                    .post("/v1/payout");
            assertThat(made.statusCode()).as(made.asString()).isEqualTo(200);
            return made.jsonPath().getString("id");
        } finally {
            wave.nextPayoutStatus("succeeded");
        }
    }

    private static UUID payout(LocalDate day, int amount, String status, String providerRef) {
        UUID driver = TestTokens.newUser();
        return Db.id("INSERT INTO payouts (driver_id, amount, status, provider, provider_ref, period_start, period_end, "
                + "created_at, processed_at) VALUES (?, ?, ?, 'wave', ?, ?, ?, ?, ?) RETURNING id", driver, amount, status,
                providerRef, noon(day.minusDays(7)), noon(day), noon(day), noon(day));
    }

    @Test
    void theDaysPayoutsAndWithdrawalsAreComparedWithWavesPayouts() {
        LocalDate day = ownDay();
        // p1: paid here, Wave paid another amount
        UUID p1 = payout(day, 10000, "paid", null);
        Db.sql("UPDATE payouts SET provider_ref = ? WHERE id = ?", wavePayout(p1.toString(), 9000, "succeeded"), p1);
        // p2: failed here (given back to the driver), yet Wave paid it under our reference
        UUID p2 = payout(day, 5000, "failed", null);
        String paidAnyway = wavePayout(p2.toString(), 5000, "succeeded");
        // p3: paid here, unknown at Wave
        UUID p3 = payout(day, 7000, "paid", "pt-gone" + UUID.randomUUID().toString().substring(0, 8));
        // p4: paid here and at Wave, and paid a second time under the same reference
        UUID p4 = payout(day, 6000, "paid", null);
        Db.sql("UPDATE payouts SET provider_ref = ? WHERE id = ?", wavePayout(p4.toString(), 6000, "succeeded"), p4);
        String twice = wavePayout(p4.toString(), 6000, "succeeded");
        // w1: a withdrawal done here, failed at Wave; w2: done on both sides
        UUID user = TestTokens.newUser();
        UUID w1 = Db.id("INSERT INTO wallet_withdrawals (user_id, amount, method, phone, status, completed_at, created_at) "
                + "VALUES (?, 4000, 'wave', '+2250700000001', 'done', ?, ?) RETURNING id", user, noon(day), noon(day));
        Db.sql("UPDATE wallet_withdrawals SET provider_ref = ? WHERE id = ?", wavePayout(w1.toString(), 4000, "failed"), w1);
        UUID w2 = Db.id("INSERT INTO wallet_withdrawals (user_id, amount, method, phone, status, completed_at, created_at) "
                + "VALUES (?, 3000, 'wave', '+2250700000001', 'done', ?, ?) RETURNING id", user, noon(day), noon(day));
        Db.sql("UPDATE wallet_withdrawals SET provider_ref = ? WHERE id = ?", wavePayout(w2.toString(), 3000, "succeeded"), w2);

        JsonPath run = reconcile(day, "wave");
        assertThat(run.getString("status")).isEqualTo("done");
        assertThat(run.getInt("records_unchecked")).isZero();
        List<Map<String, Object>> items = items(run.getString("id"), "");
        assertThat(items).hasSize(5);
        Map<String, Object> amount = itemFor(items, "payout_id", p1);
        assertThat(amount.get("kind")).isEqualTo("amount_mismatch");
        assertThat(amount.get("record_type")).isEqualTo("payout");
        assertThat(((Number) amount.get("provider_amount")).intValue()).isEqualTo(9000);
        Map<String, Object> twiceOut = itemFor(items, "provider_ref", paidAnyway);
        assertThat(twiceOut.get("kind")).isEqualTo("status_mismatch");
        assertThat(twiceOut.get("payout_id")).isEqualTo(p2.toString());
        assertThat((String) twiceOut.get("action")).contains("twice");
        assertThat(itemFor(items, "payout_id", p3).get("kind")).isEqualTo("missing_at_provider");
        Map<String, Object> second = itemFor(items, "provider_ref", twice);
        assertThat(second.get("kind")).isEqualTo("missing_here");
        assertThat(second.get("payout_id")).isEqualTo(p4.toString());
        Map<String, Object> withdrawal = itemFor(items, "withdrawal_id", w1);
        assertThat(withdrawal.get("kind")).isEqualTo("status_mismatch");
        assertThat(withdrawal.get("record_type")).isEqualTo("withdrawal");
        assertThat(items).noneMatch(item -> w2.toString().equals(item.get("withdrawal_id")));
        assertThat(items).allMatch(item -> Boolean.FALSE.equals(item.get("repaired")));
        assertThat(Db.value(String.class, "SELECT status FROM payouts WHERE id = ?", p2)).as("nothing changed here")
                .isEqualTo("failed");
    }

    @Test
    void aRunOfOneProviderLooksAtThatProviderOnly() {
        LocalDate day = ownDay();
        UUID paidHereOnly = topUp(3000, "mtn");
        mtn.fail(paidHereOnly.toString(), "PAYER_NOT_FOUND");
        Db.sql("UPDATE payment_attempts SET status = 'succeeded' WHERE id = ?", paidHereOnly);
        Db.sql("UPDATE payments SET status = 'paid', paid_at = ? WHERE id = ?", noon(day), paidHereOnly);
        String foreignIntent = stripe.createElsewhere(1000, Map.of());
        stripe.succeed(foreignIntent);
        stripe.createdAt(foreignIntent, noon(day).toInstant());

        JsonPath run = reconcile(day, "mtn");
        assertThat(run.getString("provider")).isEqualTo("mtn");
        assertThat(run.getInt("differences")).isOne();
        assertThat(items(run.getString("id"), "").get(0).get("attempt_id")).isEqualTo(paidHereOnly.toString());
    }

    @Test
    void aRunIsRefusedForAFutureDayABadProviderOrWhileOneOfTheDayRuns() {
        Answers.assertError(start(finance, Map.of("day", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString())),
                400, "validation_error");
        Answers.assertError(start(finance, Map.of("day", "2026-02-30")), 400, "validation_error");
        Answers.assertError(start(finance, Map.of("provider", "paypal")), 400, "validation_error");

        LocalDate day = ownDay();
        UUID running = Db.id("INSERT INTO reconciliation_runs (day, triggered_by) VALUES (?, 'console') RETURNING id", day);
        Response busy = start(finance, Map.of("day", day.toString()));
        Answers.assertError(busy, 409, "conflict");
        assertThat(busy.jsonPath().getString("error.details.reason")).isEqualTo("run_in_progress");
        assertThat(busy.jsonPath().getString("error.details.run_id")).isEqualTo(running.toString());

        // one left running without progress for over an hour (its server died) is taken over
        Db.sql("UPDATE reconciliation_runs SET updated_at = now() - interval '2 hours' WHERE id = ?", running);
        JsonPath run = reconcile(day, null);
        assertThat(run.getString("status")).isEqualTo("done");
        assertThat(status("reconciliation_runs", running)).isEqualTo("failed");
        Answers.assertError(Clients.withToken(finance).get(ADMIN + "/runs/" + UUID.randomUUID()), 404, "not_found");
        Answers.assertError(Clients.withToken(finance).get(ADMIN + "/runs/" + running + "/export?format=xlsx"),
                400, "validation_error");
    }

    @Test
    void financeListsPaymentsByStatusMethodAndPeriod() {
        UUID paid = topUp(4200, "wave");
        String session = wave.sessionFor(paid.toString()).getString("id");
        wave.pay(session);
        assertThat(deliver("wave", wave.webhook("checkout.session.completed", session))).isEqualTo("applied");
        UUID open = topUp(4300, "mtn");

        JsonPath page = Clients.withToken(finance)
                .get("/api/v1/admin/payments?status=paid&method=wave&period=1d&amount_gte=4200&amount_lte=4200&page_size=100")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> found = page.getList("data");
        assertThat(found).extracting(p -> p.get("id")).contains(paid.toString()).doesNotContain(open.toString());
        Map<String, Object> mine = itemFor(found, "id", paid);
        assertThat(mine.get("purpose")).isEqualTo("topup");
        assertThat(mine.get("provider_ref")).isEqualTo(session);
        assertThat(mine.get("provider_txn_id")).isNotNull();
        assertThat(page.getInt("meta.pagination.total")).isGreaterThanOrEqualTo(1);
        assertThat(Clients.withToken(finance).get("/api/v1/admin/payments?status=init&method=mtn&page_size=100")
                .then().statusCode(200).extract().jsonPath().getList("data.id")).contains(open.toString());
        Answers.assertError(Clients.withToken(finance).get("/api/v1/admin/payments?period=forever"), 400,
                "validation_error");
        Answers.assertError(Clients.withToken(TestTokens.forAdmin("ops")).get("/api/v1/admin/payments"), 403, "forbidden");
        assertThat(new BigDecimal(String.valueOf(mine.get("amount")))).isEqualByComparingTo("4200");
        assertThat(Instant.parse((String) mine.get("created_at"))).isAfter(Instant.now().minusSeconds(3600));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
