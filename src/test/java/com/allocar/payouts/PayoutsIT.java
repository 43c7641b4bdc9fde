package com.allocar.payouts;

import static com.allocar.payouts.PayoutFixtures.holdOver;
import static com.allocar.payouts.PayoutFixtures.ok;
import static com.allocar.payouts.PayoutFixtures.paidBooking;
import static com.allocar.payouts.PayoutFixtures.passengerToken;
import static com.allocar.payouts.PayoutFixtures.ride;
import static com.allocar.payouts.PayoutFixtures.runPayouts;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.BatchConsole;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.WaveStandIn;
import com.allocar.trips.TripFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, points 1 and 2 against PostGIS and Wave's stand-in: rides become earnings in the driver's ledger, a trip's
 * money reconciles (paid = refunds + commission + fees + earnings), a run pays each driver once (fines withheld), a run
 * stopped mid-way and restarted from the batch console pays everyone exactly once, a lost answer is found again
 * rather than paid twice, a failed payout comes back to the balance, and finance lists, exports, retries, resolves.
 * Default settings: 10 % commission, no fixed fee, 20 % late-cancellation fee, 1000 F fine, 5000 F minimum.
 */
class PayoutsIT {
    private final WaveStandIn wave = WaveStandIn.start();
    private String finance;

    @BeforeEach
    void finance() {
        finance = TestTokens.forAdmin("finance");
        PayoutFixtures.noRunGoingOn();
    }

    @AfterEach
    void waveBackToNormal() {
        wave.payoutDelay(0);
        wave.nextPayoutStatus("succeeded");
    }

    @Test
    void aMixedTripReconcilesAndItsDriverIsPaidOnceWithTheFineWithheld() {
        TripRef trip = BookingFixtures.trip(4, true, Duration.ofHours(5));
        UUID driver = trip.driver().id();
        String completed = paidBooking(trip, 1);
        String lateCancel = paidBooking(trip, 1);
        String driverCancel = paidBooking(trip, 1);
        ok(BookingFixtures.action(passengerToken(lateCancel), lateCancel, "cancel", "{}"));
        ok(BookingFixtures.action(trip.driver().token(), driverCancel, "cancel", "{}"));
        String disputed = paidBooking(trip, 2);
        ride(trip, completed);
        ride(trip, disputed);
        // a refund after the ride (as a dispute's resolution will make): 3000 of 12000 back to the passenger
        UUID disputedPayment = Db.value(UUID.class, "SELECT id FROM payments WHERE booking_id = ?::uuid", disputed);
        ok(Clients.anonymous().body(Clients.json(Map.of("payment_id", disputedPayment.toString(), "amount", 3000)))
                .post("/api/v1/_probes/refunds"));

        assertThat(entries(driver)).containsExactlyInAnyOrder(
                "fine -1000 gross 0 commission 0",
                "earning 5400 gross 6000 commission 600",
                "cancellation_compensation 1080 gross 1200 commission 120",
                "earning 10800 gross 12000 commission 1200",
                "reversal -2700 gross -3000 commission -300");
        // every franc passengers paid for the trip is refunded, kept as commission and fees, or earned
        BigDecimal paid = Db.value(BigDecimal.class, "SELECT sum(p.amount) FROM payments p JOIN bookings b "
                + "ON b.id = p.booking_id WHERE b.trip_id = ?::uuid AND p.status IN ('paid', 'refunded')", trip.id());
        BigDecimal refunded = Db.value(BigDecimal.class, "SELECT sum(r.amount) FROM payment_refunds r JOIN payments p "
                + "ON p.id = r.payment_id JOIN bookings b ON b.id = p.booking_id WHERE b.trip_id = ?::uuid "
                + "AND r.status <> 'failed'", trip.id());
        BigDecimal split = Db.value(BigDecimal.class, "SELECT sum(commission + fees + amount) FROM driver_ledger "
                + "WHERE trip_id = ?::uuid AND kind IN ('earning', 'cancellation_compensation', 'reversal')", trip.id());
        assertThat(paid).isEqualByComparingTo("30000");
        assertThat(refunded).isEqualByComparingTo("13800");
        assertThat(refunded.add(split)).isEqualByComparingTo(paid);

        JsonPath held = earnings(trip.driver().token());
        assertThat(held.getInt("data.pending")).as("earnings wait out the hold").isEqualTo(14580);
        assertThat(held.getInt("data.available")).as("the fine counts at once").isEqualTo(-1000);
        holdOver(driver);
        JsonPath before = earnings(trip.driver().token());
        assertThat(before.getInt("data.available")).isEqualTo(13580);
        assertThat(before.getList("data.periods.net", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(13580);

        runPayouts(finance);

        Map<String, Object> payout = PayoutFixtures.payoutOf(driver);
        String payoutId = payout.get("id").toString();
        assertThat(payout).containsEntry("status", "paid");
        assertThat((BigDecimal) payout.get("amount")).isEqualByComparingTo("13580");
        String phone = Db.value(String.class, "SELECT phone FROM users WHERE id = ?", driver);
        List<JsonObject> made = wave.payoutsTo(phone);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).getString("receive_amount")).isEqualTo("13580");
        assertThat(made.get(0).getString("client_reference")).isEqualTo(payoutId);
        assertThat(wave.payoutSends(payoutId)).isEqualTo(1);
        assertThat(Db.value(String.class, "SELECT status || ' ' || payout_id FROM driver_penalties WHERE driver_id = ?",
                driver)).isEqualTo("withheld " + payoutId);

        JsonPath after = earnings(trip.driver().token());
        assertThat(after.getInt("data.available")).isZero();
        assertThat(after.getInt("data.paid")).isEqualTo(13580);
        assertThat(after.getInt("data.in_payout")).isZero();
        JsonPath mine = Clients.withToken(trip.driver().token()).get("/api/v1/me/payouts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getList("data.id")).containsExactly(payoutId);
        assertThat(mine.getString("data[0].recipient")).doesNotContain(phone.substring(5, 10));
        assertThat(Clients.withToken(trip.driver().token()).get("/api/v1/me/earnings/entries?kind=payout")
                .jsonPath().getList("data.amount", Integer.class)).containsExactly(-13580);

        // the next run has nothing for this driver
        runPayouts(finance);
        assertThat(wave.payoutsTo(phone)).hasSize(1);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM payouts WHERE driver_id = ?", driver)).isEqualTo(1L);
    }

    @Test
    void aRunStoppedMidWayAndRestartedFromTheConsolePaysEveryDriverExactlyOnce() {
        List<UUID> drivers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            drivers.add(PayoutFixtures.driverOwed(6300));
        }
        UUID withoutKyc = PayoutFixtures.driverOwed(6300);
        Db.sql("DELETE FROM kyc_documents WHERE user_id = ?", withoutKyc);
        UUID belowMinimum = PayoutFixtures.driverOwed(4000);
        wave.payoutDelay(600);

        long first = BatchConsole.submit("payouts", Map.of("chunkSize", "1", "cutoff", Instant.now().toString()));
        PayoutFixtures.eventually(() -> paidAmong(drivers) >= 2, "two drivers paid");
        BatchConsole.stop(first);
        assertThat(BatchConsole.awaitEnd(first, PayoutFixtures.RUN)).isEqualTo("STOPPED");
        long paidWhenStopped = paidAmong(drivers);
        assertThat(paidWhenStopped).as("stopped mid-way").isBetween(2L, 5L);

        wave.payoutDelay(0);
        long restarted = BatchConsole.restart(first);
        assertThat(BatchConsole.awaitEnd(restarted, PayoutFixtures.RUN)).isEqualTo("COMPLETED");

        for (UUID driver : drivers) {
            String phone = Db.value(String.class, "SELECT phone FROM users WHERE id = ?", driver);
            assertThat(wave.payoutsTo(phone)).as("driver paid once").hasSize(1);
            Map<String, Object> payout = PayoutFixtures.payoutOf(driver);
            assertThat(payout).containsEntry("status", "paid");
            assertThat(wave.payoutSends(payout.get("id").toString())).as("sent once").isEqualTo(1);
            assertThat(PayoutFixtures.balance(driver)).isEqualByComparingTo("0");
        }
        assertThat(Db.value(Long.class, "SELECT count(*) FROM payouts WHERE driver_id IN (?, ?)", withoutKyc,
                belowMinimum)).as("no approved KYC; below payouts.minimum").isZero();
        assertThat(PayoutFixtures.balance(withoutKyc)).isEqualByComparingTo("6300");
    }

    @Test
    void aPayoutWhoseAnswerWasLostIsFoundAgainByTheNextRunNotPaidTwice() {
        UUID driver = PayoutFixtures.driverOwed(8000);
        wave.loseNextPayoutAnswer();
        runPayouts(finance);
        Map<String, Object> payout = PayoutFixtures.payoutOf(driver);
        String id = payout.get("id").toString();
        assertThat(payout).as("made at Wave, answer lost: unknown").containsEntry("status", "processing");
        assertThat(PayoutFixtures.balance(driver)).as("taken from the balance while unknown").isEqualByComparingTo("0");

        runPayouts(finance);
        assertThat(PayoutFixtures.payoutOf(driver)).containsEntry("status", "paid");
        String phone = Db.value(String.class, "SELECT phone FROM users WHERE id = ?", driver);
        assertThat(wave.payoutsTo(phone)).hasSize(1);
        assertThat(wave.payoutSends(id)).as("found by its reference, not sent again").isEqualTo(1);
    }

    @Test
    void aFailedPayoutComesBackToTheBalanceAndFinanceRetriesIt() {
        UUID driver = PayoutFixtures.driverOwed(7000);
        wave.nextPayoutStatus("failed");
        runPayouts(finance);
        Map<String, Object> failed = PayoutFixtures.payoutOf(driver);
        assertThat(failed).containsEntry("status", "failed").containsEntry("failure_reason", "recipient-limit-exceeded");
        assertThat(PayoutFixtures.balance(driver)).as("returned with its reason").isEqualByComparingTo("7000");
        assertThat(Db.value(String.class, "SELECT description FROM driver_ledger WHERE driver_id = ? "
                + "AND kind = 'payout_returned'", driver)).contains("recipient-limit-exceeded");

        wave.nextPayoutStatus("succeeded");
        Response retried = Clients.withToken(finance).post("/api/v1/admin/payouts/" + failed.get("id") + "/retry");
        assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
        assertThat(retried.jsonPath().getString("data.status")).isEqualTo("paid");
        assertThat(retried.jsonPath().getString("data.id")).isNotEqualTo(failed.get("id").toString());
        assertThat(retried.jsonPath().getInt("data.amount")).isEqualTo(7000);
        assertThat(PayoutFixtures.balance(driver)).isEqualByComparingTo("0");
        Response again = Clients.withToken(finance).post("/api/v1/admin/payouts/" + failed.get("id") + "/retry");
        assertThat(again.statusCode()).as("nothing left to pay").isEqualTo(409);
        Response paidRetry = Clients.withToken(finance)
                .post("/api/v1/admin/payouts/" + retried.jsonPath().getString("data.id") + "/retry");
        assertThat(paidRetry.statusCode()).as("a paid payout is not retried").isEqualTo(409);
    }

    @Test
    void financeListsExportsAndResolvesPayouts() throws Exception {
        UUID driver = PayoutFixtures.driverOwed(9000);
        runPayouts(finance);
        String id = PayoutFixtures.payoutOf(driver).get("id").toString();
        // as if a resend had been refused after an unanswered attempt
        Db.sql("UPDATE payouts SET status = 'needs_review', failure_reason = 'refused_after_unanswered_attempt' "
                + "WHERE id = ?::uuid", id);

        JsonPath listed = Clients.withToken(finance).get("/api/v1/admin/payouts?driver_id=" + driver
                + "&status=needs_review").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.id")).containsExactly(id);
        assertThat(listed.getInt("meta.pagination.total")).isEqualTo(1);
        assertThat(Clients.withToken(finance).get("/api/v1/admin/payouts?status=sent").statusCode()).isEqualTo(400);

        Response csv = Clients.withToken(finance).accept("text/csv").get("/api/v1/admin/payouts/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString())).getRecords();
        CSVRecord row = rows.stream().filter(r -> r.get("payout_id").equals(id)).findFirst().orElseThrow();
        assertThat(row.get("amount")).isEqualTo("9000");
        assertThat(row.get("status")).isEqualTo("needs_review");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isIn("scheduled", "processing", "needs_review"));
        Response xlsx = Clients.withToken(finance)
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/admin/payouts/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.asByteArray()).startsWith(new byte[] {'P', 'K'});
        assertThat(Clients.withToken(finance).get("/api/v1/admin/payouts/export?format=pdf").statusCode())
                .isEqualTo(400);

        Response noNote = Clients.withToken(finance).body(Clients.json(Map.of("outcome", "failed")))
                .post("/api/v1/admin/payouts/" + id + "/resolve");
        assertThat(noNote.statusCode()).isEqualTo(400);
        Response resolved = Clients.withToken(finance).body(Clients.json(Map.of("outcome", "failed",
                "note", "Wave support confirmed nothing was sent"))).post("/api/v1/admin/payouts/" + id + "/resolve");
        assertThat(resolved.statusCode()).as(resolved.asString()).isEqualTo(200);
        assertThat(resolved.jsonPath().getString("data.status")).isEqualTo("failed");
        assertThat(resolved.jsonPath().getString("data.review_note")).isEqualTo("Wave support confirmed nothing was sent");
        assertThat(PayoutFixtures.balance(driver)).isEqualByComparingTo("9000");
        assertThat(Clients.withToken(finance).body(Clients.json(Map.of("outcome", "paid", "note", "again")))
                .post("/api/v1/admin/payouts/" + id + "/resolve").statusCode()).isEqualTo(409);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE entity_id = ?::uuid "
                + "AND action = 'payout.resolved' AND actor_type = 'admin'", id)).isEqualTo(1L);
    }

    private long paidAmong(List<UUID> drivers) {
        return drivers.stream().filter(d -> !wave.payoutsTo(Db.value(String.class,
                "SELECT phone FROM users WHERE id = ?", d)).isEmpty()).count();
    }

    private static JsonPath earnings(String token) {
        return Clients.withToken(token).get("/api/v1/me/earnings").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> entries(UUID driver) {
        List<String> entries = new ArrayList<>();
        Db.query("SELECT kind, amount, gross, commission FROM driver_ledger WHERE driver_id = ?", rows -> {
            while (rows.next()) {
                entries.add(rows.getString(1) + " " + rows.getBigDecimal(2).toBigInteger() + " gross "
                        + rows.getBigDecimal(3).toBigInteger() + " commission " + rows.getBigDecimal(4).toBigInteger());
            }
        }, driver);
        return entries;
    }
}
