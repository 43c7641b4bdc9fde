package com.allocar.promos;

import static com.allocar.promos.PromoFixtures.ADMIN_PROMOS;
import static com.allocar.promos.PromoFixtures.accepted;
import static com.allocar.promos.PromoFixtures.active;
import static com.allocar.promos.PromoFixtures.audit;
import static com.allocar.promos.PromoFixtures.init;
import static com.allocar.promos.PromoFixtures.ledger;
import static com.allocar.promos.PromoFixtures.ok;
import static com.allocar.promos.PromoFixtures.ops;
import static com.allocar.promos.PromoFixtures.payByWave;
import static com.allocar.promos.PromoFixtures.redemptions;
import static com.allocar.promos.PromoFixtures.started;
import static com.allocar.promos.PromoFixtures.sum;
import static com.allocar.promos.PromoFixtures.trip;
import static com.allocar.promos.PromoFixtures.usesCount;
import static com.allocar.promos.PromoFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.promos.PromoFixtures.Booked;
import com.allocar.promos.PromoFixtures.PromoRef;
import com.allocar.testsupport.Answers;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.MtnStandIn;
import com.allocar.testsupport.OrangeStandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import com.allocar.wallet.WalletFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, point 3 (PROMO-1): promo codes administered by super and ops, every change audited; validated on a booking
 * with a precise reason; applied at payment init so that the passenger pays less while the driver's earning is the
 * same to the franc; reserved at init, consumed when paid, released on failure and on a full refund; max_uses and
 * per_user_limit hold under concurrency; a retried init never reserves twice. Default settings: 10 % commission, no
 * fixed fee.
 */
class PromosIT {
    private static WaveStandIn wave;

    @BeforeAll
    static void standIns() {
        ItServer.awaitReady();
        wave = WaveStandIn.start();
        OrangeStandIn.start();
        MtnStandIn.start();
    }

    private static String reason(Response response) {
        Answers.assertError(response, 422, "promo_invalid");
        return response.jsonPath().getString("error.details.reason");
    }

    @Test
    void opsCreatesListsReadsEditsAndActivatesPromosAndEveryChangeIsAudited() {
        String code = PromoFixtures.newCode();
        Response created = PromoFixtures.create(Map.of("code", code, "type", "percent", "value", 20,
                "max_discount", 1500, "min_fare", 3000, "max_uses", 50, "per_user_limit", 2,
                "description", "Lancement Bouaké"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        JsonPath promo = created.jsonPath();
        String id = promo.getString("data.id");
        assertThat(created.header("Location")).endsWith("/admin/promos/" + id);
        assertThat(promo.getString("data.code")).isEqualTo(code.toUpperCase());
        assertThat(promo.getString("data.status")).as("inactive until activated").isEqualTo("inactive");
        assertThat(promo.getInt("data.value")).isEqualTo(20);
        assertThat(promo.getInt("data.max_discount")).isEqualTo(1500);
        assertThat(promo.getInt("data.uses_count")).isZero();

        // the same code in another case is the same code
        Answers.assertError(PromoFixtures.create(Map.of("code", code.toUpperCase(), "type", "amount", "value", 500)),
                409, "conflict");
        // bounds and the rules between fields
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", "a b", "type", "amount", "value", 500)), "code");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", "x".repeat(33), "type", "amount", "value", 500)),
                "code");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "percent",
                "value", 150)), "value");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "amount",
                "value", 500.5)), "value");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "amount",
                "value", 500, "max_discount", 100)), "max_discount");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "amount",
                "value", 500, "max_uses", 0)), "max_uses");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "amount",
                "value", 500, "starts_at", "2027-01-02T00:00:00Z", "ends_at", "2027-01-01T00:00:00Z")), "ends_at");
        Answers.assertInvalid(PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "amount")), "value");

        // list: filters (code in any case, status, period) and paging
        String admin = ops();
        JsonPath byCode = ok(Clients.withToken(admin).queryParam("code", code).get(ADMIN_PROMOS));
        assertThat(byCode.getList("data.id")).containsExactly(id);
        JsonPath inactive = ok(Clients.withToken(admin).queryParam("code", code).queryParam("status", "active")
                .get(ADMIN_PROMOS));
        assertThat(inactive.getList("data")).isEmpty();
        JsonPath recent = ok(Clients.withToken(admin).queryParam("created_at_gte",
                Instant.now().minus(1, ChronoUnit.HOURS).toString()).queryParam("page_size", 1).get(ADMIN_PROMOS));
        assertThat(recent.getList("data")).hasSize(1);
        assertThat(recent.getInt("meta.pagination.total")).isGreaterThanOrEqualTo(1);
        Answers.assertError(Clients.withToken(admin).queryParam("colour", "red").get(ADMIN_PROMOS), 400,
                "validation_error");

        // edit: what is given changes, clear empties, each change audited as [before, after]
        JsonPath edited = ok(Clients.withToken(admin).body(Clients.json(Map.of("value", 25, "clear",
                List.of("max_discount"), "ends_at", "2030-01-01T00:00:00Z"))).patch(ADMIN_PROMOS + "/" + id));
        assertThat(edited.getInt("data.value")).isEqualTo(25);
        assertThat(edited.getString("data.max_discount")).isNull();
        assertThat(edited.getInt("data.min_fare")).isEqualTo(3000);
        assertThat(edited.getString("data.ends_at")).isEqualTo("2030-01-01T00:00:00Z");
        Answers.assertError(Clients.withToken(admin).body(Clients.json(Map.of("clear", List.of("code"))))
                .patch(ADMIN_PROMOS + "/" + id), 400, "validation_error");
        String changes = Db.value(String.class, "SELECT meta::text FROM audit_logs WHERE entity = 'promos' "
                + "AND entity_id = ?::uuid AND action = 'promo.updated'", id);
        assertThat(changes).contains("\"value\": [\"20\", \"25\"]").contains("\"max_discount\": [\"1500\", null]")
                .doesNotContain("min_fare");

        // activation, audited once per change
        assertThat(ok(Clients.withToken(admin).post(ADMIN_PROMOS + "/" + id + "/activate")).getString("data.status"))
                .isEqualTo("active");
        ok(Clients.withToken(admin).post(ADMIN_PROMOS + "/" + id + "/activate"));
        assertThat(ok(Clients.withToken(TestTokens.forAdmin("super")).post(ADMIN_PROMOS + "/" + id + "/deactivate"))
                .getString("data.status")).isEqualTo("inactive");
        assertThat(audit("promos", id)).containsExactly("promo.created", "promo.updated", "promo.activated",
                "promo.deactivated");
        assertThat(Db.value(String.class, "SELECT actor_type FROM audit_logs WHERE entity = 'promos' "
                + "AND entity_id = ?::uuid AND action = 'promo.created'", id)).isEqualTo("admin");

        // one promo with its usage; support and finance hold no promo permission
        JsonPath one = ok(Clients.withToken(admin).get(ADMIN_PROMOS + "/" + id));
        assertThat(one.getInt("data.usage.consumed")).isZero();
        assertThat(one.getInt("data.usage.discount_total")).isZero();
        Answers.assertError(Clients.withToken(admin).get(ADMIN_PROMOS + "/" + UUID.randomUUID()), 404, "not_found");
        Answers.assertError(Clients.withToken(TestTokens.forAdmin("finance")).get(ADMIN_PROMOS), 403, "forbidden");
        Answers.assertError(Clients.withToken(TestTokens.forAdmin("support")).post(ADMIN_PROMOS + "/" + id
                + "/activate"), 403, "forbidden");
    }

    @Test
    void validateAnswersTheDiscountOrAPreciseReason() {
        TripRef trip = trip(4);
        Booked booked = accepted(trip);
        PromoRef percent = active(Map.of("type", "percent", "value", 30, "max_discount", 1500));
        JsonPath quote = ok(validate(booked, percent.code().toLowerCase()));
        assertThat(quote.getString("data.code")).isEqualTo(percent.code());
        assertThat(quote.getInt("data.fare")).isEqualTo(6000);
        assertThat(quote.getInt("data.discount")).as("30 % of 6000 is 1800, capped at 1500").isEqualTo(1500);
        assertThat(quote.getInt("data.amount_to_pay")).isEqualTo(4500);
        assertThat(redemptions(booked.id())).as("validating reserves nothing").isEmpty();

        assertThat(reason(validate(booked, "NOPE" + UUID.randomUUID().toString().substring(0, 8)))).isEqualTo("unknown");
        Response inactive = PromoFixtures.create(Map.of("code", PromoFixtures.newCode(), "type", "amount", "value", 500));
        assertThat(reason(validate(booked, inactive.jsonPath().getString("data.code"))))
                .as("inactive answers as unknown").isEqualTo("unknown");
        // (another booking of another passenger: each passenger may try 10 codes a minute)
        Booked another = accepted(trip);
        assertThat(reason(validate(another, active(Map.of("starts_at", Instant.now().plus(1, ChronoUnit.DAYS)
                .toString())).code()))).isEqualTo("not_started");
        assertThat(reason(validate(another, active(Map.of("starts_at", "2025-01-01T00:00:00Z", "ends_at",
                "2025-02-01T00:00:00Z")).code()))).isEqualTo("expired");
        Response belowMinimum = validate(another, active(Map.of("min_fare", 10000)).code());
        assertThat(reason(belowMinimum)).isEqualTo("min_fare");
        assertThat(belowMinimum.jsonPath().getInt("error.details.min_fare")).isEqualTo(10000);

        // exhausted: the only use is reserved by another passenger's init
        PromoRef oneUse = active(Map.of("max_uses", 1));
        started(accepted(trip), "wave", oneUse.code());
        assertThat(reason(validate(booked, oneUse.code()))).isEqualTo("exhausted");

        // per_user_limit: the passenger's own reservation on another booking counts
        PromoRef oncePerUser = active(Map.of("per_user_limit", 1));
        started(accepted(trip(2), booked.passenger()), "wave", oncePerUser.code());
        assertThat(reason(validate(booked, oncePerUser.code()))).isEqualTo("per_user_limit");

        // first ride only: a passenger with a paid booking has had their first ride
        PromoRef firstRide = active(Map.of("first_ride_only", true));
        assertThat(ok(validate(booked, firstRide.code())).getInt("data.discount")).isEqualTo(1000);
        Booked regular = accepted(trip);
        Db.sql("UPDATE bookings SET status = 'completed' WHERE id = ?::uuid", accepted(trip(2), regular.passenger()).id());
        assertThat(reason(validate(regular, firstRide.code()))).isEqualTo("not_first_ride");
        Answers.assertError(init(regular, "wave", firstRide.code()), 422, "promo_invalid");

        // someone else's booking is not found; a malformed request is 400
        Booked other = accepted(trip);
        Answers.assertError(Clients.withToken(booked.passenger().token()).body(Clients.json(Map.of("code",
                percent.code(), "booking_id", other.id()))).post(PromoFixtures.VALIDATE), 404, "not_found");
        Answers.assertInvalid(Clients.withToken(booked.passenger().token()).body(Clients.json(Map.of("booking_id",
                booked.id()))).post(PromoFixtures.VALIDATE), "code");
        Answers.assertInvalid(validate(booked, "x"), "code");
        Answers.assertError(Clients.anonymous().body(Clients.json(Map.of("code", percent.code(), "booking_id",
                booked.id()))).post(PromoFixtures.VALIDATE), 401, "auth_required");
    }

    @Test
    void codesTriedPerUserAreRateLimitedSoThatCodesCannotBeEnumerated() {
        Booked booked = accepted(trip(2));
        int refused = 0;
        Response last = null;
        for (int i = 0; i < 12 && (last == null || last.statusCode() != 429); i++) {
            last = validate(booked, "GUESS" + i);
            refused += last.statusCode() == 422 ? 1 : 0;
        }
        Answers.assertError(last, 429, "rate_limited");
        assertThat(last.jsonPath().getString("error.details.scope")).isEqualTo("promo");
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(refused).isEqualTo(10);
        // the budget is the user's: init with a code counts against it too, another passenger is not affected
        Answers.assertError(init(booked, "wave", "GUESS99"), 429, "rate_limited");
        assertThat(reason(validate(accepted(trip(2)), "GUESS0"))).isEqualTo("unknown");
    }

    @Test
    void aWavePaymentWithACodeCostsThePassengerLessAndTheDriverEarnsExactlyTheSame() {
        TripRef trip = trip(4);
        PromoRef promo = active(Map.of("type", "amount", "value", 2000));
        Booked withCode = accepted(trip);
        Booked without = accepted(trip);

        Response answer = init(withCode, "wave", promo.code().toLowerCase());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        String discounted = answer.jsonPath().getString("data.payment.id");
        assertThat(answer.jsonPath().getInt("data.payment.amount")).isEqualTo(4000);
        assertThat(answer.jsonPath().getInt("data.payment.discount")).isEqualTo(2000);
        assertThat(wave.sessionFor(discounted).getString("amount")).as("Wave asks the payer for 4000").isEqualTo("4000");
        assertThat(redemptions(withCode.id())).containsExactly("reserved 2000");
        assertThat(usesCount(promo.id())).isEqualTo(1);
        String full = started(without, "wave", null);

        payByWave(wave, discounted);
        payByWave(wave, full);
        assertThat(redemptions(withCode.id())).containsExactly("consumed 2000");
        assertThat(usesCount(promo.id())).as("a consumed redemption still counts").isEqualTo(1);
        // the commission is on the fare for both: the platform bears the discount
        assertThat(Db.value(String.class, "SELECT amount::int || ' ' || discount::int || ' ' || commission::int || ' ' "
                + "|| fees::int FROM payments WHERE id = ?::uuid", discounted)).isEqualTo("4000 2000 600 0");
        assertThat(Db.value(String.class, "SELECT amount::int || ' ' || discount::int || ' ' || commission::int || ' ' "
                + "|| fees::int FROM payments WHERE id = ?::uuid", full)).isEqualTo("6000 0 600 0");
        JsonPath mine = ok(Clients.withToken(withCode.passenger().token()).get("/api/v1/payments/" + discounted));
        assertThat(mine.getInt("data.discount")).isEqualTo(2000);
        JsonPath usage = ok(Clients.withToken(ops()).get(ADMIN_PROMOS + "/" + promo.id()));
        assertThat(usage.getInt("data.usage.consumed")).isEqualTo(1);
        assertThat(usage.getInt("data.usage.discount_total")).isEqualTo(2000);
        assertThat(usage.getInt("data.usage.users")).isEqualTo(1);

        PromoFixtures.ride(trip, withCode);
        PromoFixtures.ride(trip, without);
        assertThat(ledger(withCode.id())).containsExactly("earning 5400 6000 600 0");
        assertThat(ledger(withCode.id())).isEqualTo(ledger(without.id()));
        // what passengers paid + the discount the platform bore = commission + fees + earnings
        assertThat(tripPaid(trip).add(BigDecimal.valueOf(2000))).isEqualByComparingTo(tripSplit(trip))
                .isEqualByComparingTo("12000");

        // refunds take back the same share of the fare as of what was paid: 1000 of 4000 is a quarter of 6000
        refund(discounted, 1000);
        assertThat(ledger(withCode.id())).containsExactly("earning 5400 6000 600 0", "reversal -1350 -1500 -150 0");
        assertThat(redemptions(withCode.id())).as("a partial refund keeps the code used").containsExactly(
                "consumed 2000");
        refund(discounted, 3000);
        // refunded in full: the whole earning is taken back, and the code's use is given back
        assertThat(ledger(withCode.id())).containsExactly("earning 5400 6000 600 0", "reversal -1350 -1500 -150 0",
                "reversal -4050 -4500 -450 0");
        assertThat(redemptions(withCode.id())).containsExactly("released 2000");
        assertThat(usesCount(promo.id())).isZero();
        assertThat(audit("promo_redemptions", redemptionOf(withCode))).containsExactly("promo.reserved",
                "promo.consumed", "promo.released");
        // the trip still balances: paid - refunded + the discount still borne (none) = the split
        BigDecimal refunded = sum("SELECT sum(r.amount) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                + "JOIN bookings b ON b.id = p.booking_id WHERE b.trip_id = ?::uuid AND r.status <> 'failed'", trip.id());
        assertThat(refunded).isEqualByComparingTo("4000");
        assertThat(tripPaid(trip).subtract(refunded)).isEqualByComparingTo(tripSplit(trip)).isEqualByComparingTo("6000");
    }

    @Test
    void theReconciliationMatchesWhatWaveCollectedAndItsRepairConsumesTheCode() {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 7000));
        OffsetDateTime noon = day.atTime(12, 0).atOffset(ZoneOffset.UTC);
        TripRef trip = trip(4);
        PromoRef promo = active(Map.of("type", "amount", "value", 1500));
        // paid at Wave, its webhook lost and the poller stopped: the reconciliation repairs it
        Booked lost = accepted(trip);
        String lostPayment = started(lost, "wave", promo.code());
        Db.sql("UPDATE payment_attempt_polls SET ended_at = now(), last_outcome = 'test' WHERE attempt_id = ?::uuid",
                lostPayment);
        wave.pay(PromoFixtures.session(wave, lostPayment));
        Db.sql("UPDATE payment_attempts SET created_at = ? WHERE id = ?::uuid", noon, lostPayment);
        // paid and notified: Wave collected the discounted amount, as recorded here
        Booked clean = accepted(trip);
        String cleanPayment = started(clean, "wave", promo.code());
        payByWave(wave, cleanPayment);
        Db.sql("UPDATE payments SET paid_at = ? WHERE id = ?::uuid", noon, cleanPayment);

        String finance = TestTokens.forAdmin("finance");
        Response started = Clients.withToken(finance).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Clients.json(Map.of("day", day.toString(), "provider", "wave")))
                .post("/api/v1/admin/reconciliation/run");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        String runId = started.jsonPath().getString("data.run.id");
        JsonPath run = null;
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (run == null || "running".equals(run.getString("data.status"))) {
            assertThat(System.nanoTime()).as("the run ends within 90 s").isLessThan(deadline);
            PromoFixtures.pause(200);
            run = ok(Clients.withToken(finance).get("/api/v1/admin/reconciliation/runs/" + runId));
        }
        assertThat(run.getString("data.status")).isEqualTo("done");
        assertThat(run.getInt("data.differences")).as("only the lost webhook").isEqualTo(1);
        assertThat(run.getInt("data.repaired")).isEqualTo(1);
        List<Map<String, Object>> items = ok(Clients.withToken(finance).get("/api/v1/admin/reconciliation/runs/"
                + runId + "/items")).getList("data");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("payment_id")).isEqualTo(lostPayment);
            assertThat(((Number) item.get("our_amount")).intValue()).isEqualTo(4500);
        });
        assertThat(Db.value(String.class, "SELECT status || ' ' || amount::int || ' ' || discount::int || ' ' "
                + "|| commission::int FROM payments WHERE id = ?::uuid", lostPayment)).isEqualTo("paid 4500 1500 600");
        assertThat(redemptions(lost.id())).containsExactly("consumed 1500");
        assertThat(redemptions(clean.id())).containsExactly("consumed 1500");
    }

    @Test
    void aWalletPaymentWithACodeIsDebitedTheDiscountedAmountAndConsumesTheCodeAtOnce() {
        Booked booked = accepted(trip(2));
        WalletFixtures.fund(booked.passenger().id(), 5000);
        PromoRef promo = active(Map.of("type", "percent", "value", 50));
        Response answer = init(booked, "wallet", promo.code());
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        assertThat(answer.jsonPath().getString("data.payment.status")).isEqualTo("paid");
        assertThat(answer.jsonPath().getInt("data.payment.amount")).isEqualTo(3000);
        assertThat(answer.jsonPath().getInt("data.payment.discount")).isEqualTo(3000);
        assertThat(Db.value(BigDecimal.class, "SELECT balance FROM wallets WHERE user_id = ?",
                booked.passenger().id())).isEqualByComparingTo("2000");
        assertThat(Db.value(String.class, "SELECT status FROM bookings WHERE id = ?::uuid", booked.id()))
                .isEqualTo("paid");
        assertThat(Db.value(BigDecimal.class, "SELECT commission FROM payments WHERE booking_id = ?::uuid",
                booked.id())).isEqualByComparingTo("600");
        assertThat(redemptions(booked.id())).containsExactly("consumed 3000");
    }

    @Test
    void cancellationsRefundWhatWasPaidLessTheFeeOnTheFareAndADriversCancellationReleasesTheCode() {
        TripRef trip = trip(4);
        PromoRef promo = active(Map.of("type", "amount", "value", 2000));
        Booked late = accepted(trip);
        Booked dropped = accepted(trip);
        for (Booked booked : List.of(late, dropped)) {
            WalletFixtures.fund(booked.passenger().id(), 4000);
            assertThat(init(booked, "wallet", promo.code()).statusCode()).isEqualTo(201);
        }
        // the passenger cancels inside the window: 20 % of the fare kept (1200), the rest of what was paid back
        ok(com.allocar.bookings.BookingFixtures.action(late.passenger().token(), late.id(), "cancel", "{}"));
        assertThat(Db.value(BigDecimal.class, "SELECT balance FROM wallets WHERE user_id = ?", late.passenger().id()))
                .isEqualByComparingTo("2800");
        assertThat(ledger(late.id())).as("the driver's compensation is the one without a code")
                .containsExactly("cancellation_compensation 1080 1200 120 0");
        assertThat(redemptions(late.id())).containsExactly("consumed 2000");
        // the driver cancels: everything paid comes back and the code's use with it
        ok(com.allocar.bookings.BookingFixtures.action(trip.driver().token(), dropped.id(), "cancel", "{}"));
        assertThat(Db.value(BigDecimal.class, "SELECT balance FROM wallets WHERE user_id = ?",
                dropped.passenger().id())).isEqualByComparingTo("4000");
        assertThat(redemptions(dropped.id())).containsExactly("released 2000");
        assertThat(usesCount(promo.id())).isEqualTo(1);
    }

    @Test
    void aHundredPercentCodeLeavesTheMinimumPayableAndNoZeroPayment() {
        Booked booked = accepted(trip(2));
        WalletFixtures.fund(booked.passenger().id(), 1000);
        PromoRef free = active(Map.of("type", "percent", "value", 100));
        assertThat(ok(validate(booked, free.code())).getInt("data.amount_to_pay")).isEqualTo(100);
        Response paid = init(booked, "wallet", free.code());
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        assertThat(paid.jsonPath().getInt("data.payment.amount")).isEqualTo(100);
        assertThat(paid.jsonPath().getInt("data.payment.discount")).isEqualTo(5900);
        // the commission is still on the fare: 600 of the 6000, though the passenger paid 100
        assertThat(Db.value(BigDecimal.class, "SELECT commission FROM payments WHERE booking_id = ?::uuid",
                booked.id())).isEqualByComparingTo("600");
        // a fare of 100 or less leaves nothing to take off
        Booked cheap = accepted(trip(2));
        Db.sql("UPDATE bookings SET amount_total = 100 WHERE id = ?::uuid", cheap.id());
        assertThat(reason(validate(cheap, free.code()))).isEqualTo("min_fare");
    }

    @Test
    void aFailedPaymentReleasesItsCodeForSomeoneElse() {
        TripRef trip = trip(4);
        PromoRef oneUse = active(Map.of("max_uses", 1));
        Booked first = accepted(trip);
        Booked second = accepted(trip);
        String payment = started(first, "wave", oneUse.code());
        Answers.assertError(init(second, "wave", oneUse.code()), 422, "promo_invalid");
        String session = PromoFixtures.session(wave, payment);
        wave.expire(session);
        assertThat(PromoFixtures.deliver(wave.webhook("checkout.session.expired", session))).isEqualTo("applied");
        assertThat(Db.value(String.class, "SELECT status FROM payments WHERE id = ?::uuid", payment)).isEqualTo("failed");
        assertThat(redemptions(first.id())).containsExactly("released 1000");
        assertThat(usesCount(oneUse.id())).isZero();
        assertThat(Db.value(String.class, "SELECT release_reason FROM promo_redemptions WHERE booking_id = ?::uuid",
                first.id())).isEqualTo("payment_failed");
        // the use is free again: the other passenger gets it
        payByWave(wave, started(second, "wave", oneUse.code()));
        assertThat(redemptions(second.id())).containsExactly("consumed 1000");
        // a redeemed promo cannot be deleted (its payments refer to it); one nobody used can, audited
        String admin = TestTokens.forAdmin("ops");
        Response kept = Clients.withToken(admin).delete(ADMIN_PROMOS + "/" + oneUse.id());
        Answers.assertError(kept, 409, "conflict");
        assertThat(kept.jsonPath().getString("error.details.reason")).isEqualTo("promo_redeemed");
        PromoRef unused = active(Map.of("max_uses", 5));
        assertThat(Clients.withToken(admin).delete(ADMIN_PROMOS + "/" + unused.id()).statusCode()).isEqualTo(204);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM promos WHERE id = ?::uuid", unused.id())).isZero();
        assertThat(audit("promos", unused.id())).contains("promo.deleted");
        Answers.assertError(Clients.withToken(admin).delete(ADMIN_PROMOS + "/" + unused.id()), 404, "not_found");
        Answers.assertError(Clients.withToken(TestTokens.forAdmin("finance")).delete(ADMIN_PROMOS + "/"
                + oneUse.id()), 403, "forbidden");
    }

    @Test
    void aRetriedInitNeverReservesTwiceAndAnotherChoiceGivesTheCodeBack() {
        Booked booked = accepted(trip(2));
        PromoRef promo = active(Map.of("max_uses", 5));
        String key = "k-" + UUID.randomUUID();
        String body = Clients.json(Map.of("booking_id", booked.id(), "method", "wave", "promo_code", promo.code()));
        Response first = Clients.withToken(booked.passenger().token()).header("Idempotency-Key", key).body(body)
                .post(PromoFixtures.INIT);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        String wavePayment = first.jsonPath().getString("data.payment.id");
        // the same key again: the stored answer, nothing reserved again
        Response replayed = Clients.withToken(booked.passenger().token()).header("Idempotency-Key", key).body(body)
                .post(PromoFixtures.INIT);
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.jsonPath().getString("data.payment.id")).isEqualTo(wavePayment);
        // the same request again (no key): the open attempt is offered again, the code stays reserved once
        Response again = init(booked, "wave", promo.code());
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.jsonPath().getString("data.payment.id")).isEqualTo(wavePayment);
        // another method with the same code: its own payment, the same redemption
        String orangePayment = started(booked, "orange", promo.code());
        assertThat(redemptions(booked.id())).containsExactly("reserved 1000");
        assertThat(usesCount(promo.id())).isEqualTo(1);
        assertThat(Db.value(Long.class, "SELECT count(DISTINCT promo_redemption_id) FROM payments WHERE booking_id = "
                + "?::uuid", booked.id())).isEqualTo(1L);

        // paying without the code: the payments that carried it stop, its use is given back
        String plain = started(booked, "wave", null);
        assertThat(plain).isNotEqualTo(wavePayment);
        assertThat(Db.value(String.class, "SELECT status || ' ' || failure_reason FROM payments WHERE id = ?::uuid",
                wavePayment)).isEqualTo("failed promo_changed");
        assertThat(Db.value(String.class, "SELECT status FROM payments WHERE id = ?::uuid", orangePayment))
                .isEqualTo("failed");
        assertThat(Db.value(BigDecimal.class, "SELECT amount FROM payments WHERE id = ?::uuid", plain))
                .isEqualByComparingTo("6000");
        assertThat(redemptions(booked.id())).containsExactly("released 1000");
        assertThat(Db.value(String.class, "SELECT release_reason FROM promo_redemptions WHERE booking_id = ?::uuid",
                booked.id())).isEqualTo("replaced");
        assertThat(usesCount(promo.id())).isZero();
    }

    @Test
    void twentyPassengersRaceForAOneUseCodeAndExactlyOneGetsIt() throws Exception {
        TripRef trip = trip(4);
        PromoRef oneUse = active(Map.of("max_uses", 1));
        List<Booked> bookings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bookings.add(accepted(trip));
        }
        List<Response> answers = race(bookings.stream().map(b -> (Callable<Response>) () ->
                init(b, "wave", oneUse.code())).toList());
        assertThat(answers.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(1);
        assertThat(answers.stream().filter(r -> r.statusCode() != 201).map(PromosIT::reason).toList())
                .hasSize(19).containsOnly("exhausted");
        assertThat(usesCount(oneUse.id())).isEqualTo(1);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM promo_redemptions WHERE promo_id = ?::uuid",
                oneUse.id())).isEqualTo(1L);
    }

    @Test
    void perUserLimitHoldsWhenOnePassengerUsesTheCodeOnSeveralBookingsAtOnce() throws Exception {
        PromoRef twice = active(Map.of("per_user_limit", 2));
        Passenger passenger = Passenger.create();
        List<Booked> bookings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bookings.add(accepted(trip(2), passenger));
        }
        List<Response> answers = race(bookings.stream().map(b -> (Callable<Response>) () ->
                init(b, "wave", twice.code())).toList());
        assertThat(answers.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(2);
        assertThat(answers.stream().filter(r -> r.statusCode() != 201).map(PromosIT::reason).toList())
                .hasSize(4).containsOnly("per_user_limit");
        assertThat(usesCount(twice.id())).isEqualTo(2);
        // another passenger is not limited by the first one's uses
        assertThat(ok(validate(accepted(trip(2)), twice.code())).getInt("data.discount")).isEqualTo(1000);
    }

    @Test
    void initRejectsAMalformedOrUnknownCodeWithoutOpeningAPayment() {
        Booked booked = accepted(trip(2));
        Answers.assertInvalid(init(booked, "wave", "a!"), "promo_code");
        assertThat(reason(init(booked, "wave", "NOSUCH" + UUID.randomUUID().toString().substring(0, 6))))
                .isEqualTo("unknown");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM payments WHERE booking_id = ?::uuid", booked.id()))
                .isZero();
    }

    private static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void refund(String paymentId, long amount) {
        ok(Clients.anonymous().body(Clients.json(Map.of("payment_id", paymentId, "amount", amount)))
                .post("/api/v1/_probes/refunds"));
    }

    private static String redemptionOf(Booked booked) {
        return Db.value(UUID.class, "SELECT id FROM promo_redemptions WHERE booking_id = ?::uuid", booked.id())
                .toString();
    }

    private static BigDecimal tripPaid(TripRef trip) {
        return sum("SELECT sum(p.amount) FROM payments p JOIN bookings b ON b.id = p.booking_id "
                + "WHERE b.trip_id = ?::uuid AND p.status IN ('paid', 'refunded')", trip.id());
    }

    private static BigDecimal tripSplit(TripRef trip) {
        return sum("SELECT sum(commission + fees + amount) FROM driver_ledger WHERE trip_id = ?::uuid "
                + "AND kind IN ('earning', 'cancellation_compensation', 'reversal')", trip.id());
    }
}
