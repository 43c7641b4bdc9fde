package com.allocar.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.BatchConsole;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.trips.TripFixtures;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Rides, cancellations and payout runs for the earnings and payouts tests (and disputes), through the API. */
public final class PayoutFixtures {
    static final Duration RUN = Duration.ofSeconds(90);

    private PayoutFixtures() {
    }

    static String paidBooking(TripRef trip, int seats) {
        return BookingFixtures.paidBooking(trip, seats);
    }

    static String passengerToken(String bookingId) {
        return BookingFixtures.passengerToken(bookingId);
    }

    static void ride(TripRef trip, String bookingId) {
        BookingFixtures.ride(trip, bookingId);
    }

    static void ok(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    }

    /** The hold is over for the driver's entries (as if payouts.hold_hours had passed). */
    static void holdOver(UUID driverId) {
        Db.sql("UPDATE driver_ledger SET available_at = now() - interval '1 second' WHERE driver_id = ? "
                + "AND available_at > now()", driverId);
    }

    static BigDecimal balance(UUID driverId) {
        return Db.value(BigDecimal.class, "SELECT coalesce(sum(amount), 0) FROM driver_ledger WHERE driver_id = ? "
                + "AND available_at <= now()", driverId);
    }

    /** Waits until no payouts run is going on (another test class may have started one). */
    static void noRunGoingOn() {
        if (Db.value(String.class, "SELECT to_regclass('jbatch.wlpjobexecution')::text") == null) {
            return; // Liberty makes its tables at the first batch use: no job has run yet
        }
        Instant deadline = Instant.now().plus(RUN);
        while (Db.value(Long.class, "SELECT count(*) FROM jbatch.wlpjobexecution e JOIN jbatch.wlpjobinstance i "
                + "ON e.fk_jobinstanceid = i.jobinstanceid WHERE i.jobname = 'payouts' "
                + "AND e.batchstatus::text IN ('0', '1', '2', 'STARTING', 'STARTED', 'STOPPING')") > 0) {
            assertThat(Instant.now()).as("a payouts run still going on").isBefore(deadline);
            pause(200);
        }
    }

    /** Starts a payouts run as finance and waits for its end: the execution id. */
    static long runPayouts(String financeToken) {
        noRunGoingOn();
        Response started = Clients.withToken(financeToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/admin/payouts/run");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(202);
        long execution = started.jsonPath().getLong("data.execution_id");
        assertThat(BatchConsole.awaitEnd(execution, RUN)).isEqualTo("COMPLETED");
        return execution;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new approved driver owed {@code amount} francs available now (an earning entry written straight into the
     * ledger: the ride path is covered by the mixed-trip test), with a verified phone.
     */
    static UUID driverOwed(long amount) {
        UUID driver = TripFixtures.approvedDriver().id();
        BigDecimal owed = BigDecimal.valueOf(amount);
        Db.sql("INSERT INTO driver_ledger (driver_id, kind, amount, gross, commission, fees, cause_key, available_at, "
                + "description) VALUES (?, 'earning', ?, ?, 0, 0, ?, now() - interval '1 second', 'test earning')",
                driver, owed, owed, "test:" + UUID.randomUUID());
        return driver;
    }

    /** The driver's only payout, as stored. */
    static Map<String, Object> payoutOf(UUID driverId) {
        Map<String, Object> payout = new java.util.LinkedHashMap<>();
        Db.query("SELECT id, status, amount, failure_reason FROM payouts WHERE driver_id = ? ORDER BY created_at",
                rows -> {
                    assertThat(rows.next()).as("a payout").isTrue();
                    payout.put("id", rows.getObject(1));
                    payout.put("status", rows.getString(2));
                    payout.put("amount", rows.getBigDecimal(3));
                    payout.put("failure_reason", rows.getString(4));
                }, driverId);
        return payout;
    }

    public static void eventually(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(RUN);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            pause(100);
        }
    }
}
