package com.allocar.disputes;

import static com.allocar.testsupport.Answers.assertError;
import static com.allocar.testsupport.Answers.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.Passenger;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.payouts.PayoutFixtures;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.S3StandIn;
import com.allocar.testsupport.SignedWebhook;
import com.allocar.testsupport.StripeStandIn;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 2 (DISP-1) against PostGIS and the S3 stand-in: who may open a dispute and when, one in progress per
 * booking and opener, visibility (404 to others), attachments through presigned uploads, messages between the parties
 * and support, the admin's filters, the states and their transitions with optimistic locking, and a resolution's
 * money: a partial refund after the ride moves exactly the refund to the passenger's wallet, reverses the driver's
 * earning in proportion and charges the driver, once, however often the admin PATCHes. Default settings: 10 %
 * commission, no fixed fee, disputes.window_days 30.
 */
class DisputesIT {
    private static final String DISPUTES = "/api/v1/disputes";
    private static final String ADMIN = "/api/v1/admin/disputes";
    private static final String TEXT = "Le conducteur a annulé sur place sans raison.";

    /** A trip of a new approved driver with a paid booking (from the passenger's wallet) of {@code seats}. */
    private record Paid(TripRef trip, String bookingId, UUID passengerId, String passengerToken) {
        UUID driverId() {
            return trip.driver().id();
        }

        String driverToken() {
            return trip.driver().token();
        }
    }

    private record Admin(UUID id, String token) {
        static Admin of(String role) {
            UUID id = TestTokens.newAdmin(role);
            return new Admin(id, TestTokens.sign(id.toString(), List.of("admin"), role, TestTokens.issuer(),
                    Instant.now().plusSeconds(900)));
        }
    }

    private static Paid paid(int seats) {
        TripRef trip = BookingFixtures.trip(4, true, Duration.ofHours(5));
        String booking = BookingFixtures.paidBooking(trip, seats);
        UUID passenger = Db.value(UUID.class, "SELECT passenger_id FROM bookings WHERE id = ?::uuid", booking);
        return new Paid(trip, booking, passenger, TestTokens.forUser(passenger));
    }

    private static Response open(String token, String bookingId, String category, String description,
                                 List<String> attachments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("booking_id", bookingId);
        body.put("category", category);
        body.put("description", description);
        if (attachments != null) {
            body.put("attachments", attachments);
        }
        return Clients.withToken(token).body(Clients.json(body)).post(DISPUTES);
    }

    private static String opened(String token, String bookingId) {
        Response response = open(token, bookingId, "payment", TEXT, null);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().getString("data.id");
    }

    private static Response patch(Admin admin, String id, Map<String, Object> change) {
        return Clients.withToken(admin.token()).body(Clients.json(change)).patch(ADMIN + "/" + id);
    }

    private static long version(String id) {
        return Db.value(Long.class, "SELECT version FROM disputes WHERE id = ?::uuid", id);
    }

    /** PATCHes at the current version and expects 200. */
    private static JsonPath moved(Admin admin, String id, Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(change);
        body.put("version", version(id));
        Response response = patch(admin, id, body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static List<String> auditActions(String disputeId) {
        List<String> actions = new ArrayList<>();
        Db.query("SELECT action FROM audit_logs WHERE entity = 'disputes' AND entity_id = ?::uuid "
                + "ORDER BY created_at, action", rows -> {
                    while (rows.next()) {
                        actions.add(rows.getString(1));
                    }
                }, disputeId);
        return actions;
    }

    private static List<UUID> messageNotices(String event) {
        List<UUID> users = new ArrayList<>();
        Db.query("SELECT user_id FROM notification_events WHERE event_key = ? AND kind = 'dispute_message'", rows -> {
            while (rows.next()) {
                users.add((UUID) rows.getObject(1));
            }
        }, event);
        return users;
    }

    private static String noticeKind(String disputeId, String status, UUID userId) {
        return Db.value(String.class, "SELECT kind FROM notification_events WHERE event_key = ? AND user_id = ?",
                "dispute:" + disputeId + ":" + status, userId);
    }

    private static BigDecimal wallet(UUID userId) {
        return BookingFixtures.balance(userId);
    }

    @Test
    void eitherPartyOpensBothSeeItAndEveryoneElseGets404() {
        Paid paid = paid(1);
        String stranger = TestTokens.forNewUser();
        assertError(open(stranger, paid.bookingId(), "payment", TEXT, null), 404, "not_found");
        assertError(open(paid.passengerToken(), UUID.randomUUID().toString(), "payment", TEXT, null), 404,
                "not_found");

        Response made = open(paid.passengerToken(), paid.bookingId(), "no_show", "  " + TEXT + "\n", null);
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        JsonPath dispute = made.jsonPath();
        String id = dispute.getString("data.id");
        assertThat(made.header("Location")).endsWith(DISPUTES + "/" + id);
        assertThat(dispute.getString("data.status")).isEqualTo("open");
        assertThat(dispute.getString("data.category")).isEqualTo("no_show");
        assertThat(dispute.getString("data.description")).isEqualTo(TEXT);
        assertThat(dispute.getString("data.opened_by")).isEqualTo(paid.passengerId().toString());
        assertThat(dispute.getString("data.passenger_id")).isEqualTo(paid.passengerId().toString());
        assertThat(dispute.getString("data.driver_id")).isEqualTo(paid.driverId().toString());
        assertThat(dispute.getMap("data")).doesNotContainKeys("version", "assigned_to");

        // one dispute in progress per booking and opener; the other party may open their own
        Response again = open(paid.passengerToken(), paid.bookingId(), "other", TEXT, null);
        assertError(again, 409, "conflict");
        assertThat(again.jsonPath().getString("error.details.reason")).isEqualTo("dispute_open");
        assertThat(again.jsonPath().getString("error.details.dispute_id")).isEqualTo(id);
        String driversOwn = opened(paid.driverToken(), paid.bookingId());

        for (String token : List.of(paid.passengerToken(), paid.driverToken())) {
            Response read = Clients.withToken(token).get(DISPUTES + "/" + id);
            assertThat(read.statusCode()).as(read.asString()).isEqualTo(200);
            assertThat(read.jsonPath().getString("data.id")).isEqualTo(id);
            JsonPath mine = Clients.withToken(token).get("/api/v1/me/disputes").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(mine.getList("data.id", String.class)).containsExactlyInAnyOrder(id, driversOwn);
            assertThat(mine.getInt("meta.pagination.total")).isEqualTo(2);
        }
        assertError(Clients.withToken(stranger).get(DISPUTES + "/" + id), 404, "not_found");
        assertError(Clients.withToken(stranger).get(DISPUTES + "/" + id + "/messages"), 404, "not_found");
        assertThat(Clients.withToken(stranger).get("/api/v1/me/disputes").jsonPath().getList("data")).isEmpty();
        assertError(Clients.withToken(TestTokens.forAdmin("support")).get(DISPUTES + "/" + id), 403, "forbidden");
        assertError(Clients.anonymous().get(DISPUTES + "/" + id), 401, "auth_required");

        assertThat(auditActions(id)).containsExactly("dispute.opened");
        assertThat(Db.value(String.class, "SELECT actor_id::text FROM audit_logs WHERE entity_id = ?::uuid", id))
                .isEqualTo(paid.passengerId().toString());
        assertThat(noticeKind(id, "open", paid.passengerId())).isEqualTo("dispute_opened");
        assertThat(noticeKind(id, "open", paid.driverId())).isEqualTo("dispute_opened");
    }

    @Test
    void onlyAPaidOrCompletedBookingWithinTheWindow() {
        TripRef trip = BookingFixtures.trip(4, false, Duration.ofHours(5));
        Passenger passenger = Passenger.create();
        String accepted = BookingFixtures.accepted(trip, passenger, 1);
        Response unpaid = open(passenger.token(), accepted, "payment", TEXT, null);
        assertError(unpaid, 409, "conflict");
        assertThat(unpaid.jsonPath().getString("error.details.reason")).isEqualTo("booking_not_disputable");
        assertThat(unpaid.jsonPath().getString("error.details.status")).isEqualTo("accepted");

        Paid paid = paid(1);
        BookingFixtures.ride(paid.trip(), paid.bookingId());
        // the ride ended (and the trip left) 31 days ago: the 30-day window is closed
        Db.sql("UPDATE trips SET departure_time = now() - interval '31 days', arrival_eta = NULL WHERE id = ?::uuid",
                paid.trip().id());
        Db.sql("UPDATE bookings SET completed_at = now() - interval '31 days' WHERE id = ?::uuid", paid.bookingId());
        Response late = open(paid.passengerToken(), paid.bookingId(), "payment", TEXT, null);
        assertError(late, 409, "conflict");
        assertThat(late.jsonPath().getString("error.details.reason")).isEqualTo("window_closed");
        assertThat(Instant.parse(late.jsonPath().getString("error.details.closed_at"))).isBefore(Instant.now());
        Response upload = Clients.withToken(paid.driverToken()).body(Clients.json(Map.of("booking_id",
                paid.bookingId(), "content_type", "image/png"))).post(DISPUTES + "/uploads");
        assertError(upload, 409, "conflict");

        // 29 days after the ride's end it is still open
        Db.sql("UPDATE bookings SET completed_at = now() - interval '29 days' WHERE id = ?::uuid", paid.bookingId());
        opened(paid.driverToken(), paid.bookingId());
    }

    @Test
    void requestsOutsideTheRulesAre400() {
        Paid paid = paid(1);
        String token = paid.passengerToken();
        Map<String, Object> missing = Map.of("booking_id", paid.bookingId(), "description", TEXT);
        assertInvalid(Clients.withToken(token).body(Clients.json(missing)).post(DISPUTES), "category");
        assertInvalid(open(token, paid.bookingId(), "weather", TEXT, null), "category");
        assertError(open(token, "not-a-uuid", "payment", TEXT, null), 400, "validation_error");
        assertInvalid(open(token, paid.bookingId(), "payment", "   short   ", null), "description");
        assertInvalid(open(token, paid.bookingId(), "payment", "x".repeat(2001), null), "description");
        assertInvalid(open(token, paid.bookingId(), "payment", TEXT + "\u0007", null), "description");
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add("disputes/" + paid.bookingId() + "/" + paid.passengerId() + "/" + UUID.randomUUID() + ".png");
        }
        assertInvalid(open(token, paid.bookingId(), "payment", TEXT, six), "attachments");
        String someoneElses = "disputes/" + paid.bookingId() + "/" + paid.driverId() + "/" + UUID.randomUUID() + ".png";
        assertInvalid(open(token, paid.bookingId(), "payment", TEXT, List.of(someoneElses)), "attachments[0]");
        assertInvalid(open(token, paid.bookingId(), "payment", TEXT, List.of("../../etc/passwd")), "attachments[0]");
        assertInvalid(open(token, paid.bookingId(), "payment", TEXT, List.of(six.get(0))), "attachments[0]");
        assertInvalid(open(token, paid.bookingId(), "payment", TEXT, List.of(six.get(0), six.get(0))),
                "attachments");
        assertInvalid(Clients.withToken(token).body(Clients.json(Map.of("booking_id", paid.bookingId(),
                "content_type", "text/html"))).post(DISPUTES + "/uploads"), "content_type");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM disputes WHERE booking_id = ?::uuid", paid.bookingId()))
                .isZero();
    }

    @Test
    void attachmentsAreUploadedByTheOpenerAndReadThroughShortLinks() {
        Paid paid = paid(1);
        Response started = Clients.withToken(paid.passengerToken()).body(Clients.json(Map.of("booking_id",
                paid.bookingId(), "content_type", "application/pdf"))).post(DISPUTES + "/uploads");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        String key = started.jsonPath().getString("data.upload_key");
        assertThat(key).matches("disputes/" + paid.bookingId() + "/" + paid.passengerId() + "/[0-9a-f-]{36}\\.pdf");
        assertThat(started.jsonPath().getMap("data.headers")).isEqualTo(Map.of("Content-Type", "application/pdf"));
        String url = started.jsonPath().getString("data.upload_url");
        assertThat(url).startsWith(S3StandIn.plainUrl(S3StandIn.kycBucket(), key) + "?");
        assertError(Clients.withToken(TestTokens.forNewUser()).body(Clients.json(Map.of("booking_id",
                paid.bookingId(), "content_type", "image/png"))).post(DISPUTES + "/uploads"), 404, "not_found");

        // not uploaded yet; then uploaded, but only the uploader may attach it
        assertInvalid(open(paid.passengerToken(), paid.bookingId(), "payment", TEXT, List.of(key)), "attachments[0]");
        byte[] bytes = S3StandIn.randomImage(4096);
        assertThat(S3StandIn.upload("PUT", url, Map.of("Content-Type", "application/pdf"), bytes)).isEqualTo(200);
        assertInvalid(open(paid.driverToken(), paid.bookingId(), "payment", TEXT, List.of(key)), "attachments[0]");
        Response made = open(paid.passengerToken(), paid.bookingId(), "payment", TEXT, List.of(key));
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        assertThat(made.asString()).doesNotContain(key + "\"");

        String id = made.jsonPath().getString("data.id");
        JsonPath asDriver = Clients.withToken(paid.driverToken()).get(DISPUTES + "/" + id).jsonPath();
        String link = asDriver.getString("data.attachments[0].url");
        assertThat(S3StandIn.query(link)).containsKey("X-Amz-Signature").containsEntry("X-Amz-Expires", "300");
        HttpResponse<byte[]> read = S3StandIn.get(link);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(bytes);
        JsonPath asAdmin = Clients.withToken(TestTokens.forAdmin("support")).get(ADMIN + "/" + id).jsonPath();
        assertThat(asAdmin.getList("data.attachments")).hasSize(1);
    }

    @Test
    void messagesGoBetweenThePartiesAndSupportAndAdminsAreAudited() {
        Paid paid = paid(1);
        String id = opened(paid.passengerToken(), paid.bookingId());
        Admin support = Admin.of("support");
        String path = DISPUTES + "/" + id + "/messages";
        for (String[] message : new String[][] {{paid.passengerToken(), "Il n'est jamais venu."},
                {paid.driverToken(), "J'ai attendu 20 minutes."}}) {
            Response posted = Clients.withToken(message[0]).body(Clients.json(Map.of("body", message[1]))).post(path);
            assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(201);
        }
        Response answer = Clients.withToken(support.token()).body(Clients.json(Map.of("body", "Nous vérifions.")))
                .post(ADMIN + "/" + id + "/messages");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        assertThat(answer.jsonPath().getString("data.author_id")).isEqualTo(support.id().toString());
        // support's answer reaches both parties; a party's message only the other party
        String supportEvent = "dispute:" + id + ":message:" + answer.jsonPath().getString("data.id");
        assertThat(messageNotices(supportEvent)).containsExactlyInAnyOrder(paid.passengerId(), paid.driverId());
        String driversEvent = Db.value(String.class, "SELECT 'dispute:' || dispute_id || ':message:' || id "
                + "FROM dispute_messages WHERE dispute_id = ?::uuid AND author_id = ?", id, paid.driverId());
        assertThat(messageNotices(driversEvent)).containsExactly(paid.passengerId());

        JsonPath first = Clients.withToken(paid.driverToken()).get(path + "?page_size=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("data.body")).containsExactly("Il n'est jamais venu.", "J'ai attendu 20 minutes.");
        assertThat(first.getInt("meta.pagination.total")).isEqualTo(3);
        JsonPath second = Clients.withToken(paid.passengerToken()).get(path + "?page_size=2&page=2").jsonPath();
        assertThat(second.getList("data.body")).containsExactly("Nous vérifions.");
        assertThat(second.getString("data[0].author_type")).isEqualTo("admin");
        assertThat(second.getString("data[0].author_id")).as("support's id stays with support").isNull();
        JsonPath asAdmin = Clients.withToken(support.token()).get(ADMIN + "/" + id + "/messages").then()
                .statusCode(200).extract().jsonPath();
        assertThat(asAdmin.getList("data.author_type")).containsExactly("user", "user", "admin");

        assertInvalid(Clients.withToken(paid.passengerToken()).body(Clients.json(Map.of("body", "  "))).post(path),
                "body");
        assertInvalid(Clients.withToken(paid.passengerToken()).body(Clients.json(Map.of("body", "x".repeat(2001))))
                .post(path), "body");
        assertInvalid(Clients.withToken(paid.passengerToken()).get(path + "?author=me"), "author");
        assertError(Clients.withToken(TestTokens.forNewUser()).body(Clients.json(Map.of("body", "Bonjour")))
                .post(path), 404, "not_found");
        assertError(Clients.withToken(support.token()).get(ADMIN + "/" + UUID.randomUUID() + "/messages"), 404,
                "not_found");
        assertThat(auditActions(id)).containsExactlyInAnyOrder("dispute.opened", "dispute.message_posted",
                "dispute.message_posted", "dispute.message_posted", "dispute.messages_read");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE entity_id = ?::uuid "
                + "AND actor_type = 'admin' AND actor_id = ?", id, support.id())).isEqualTo(2L);

        // settled: the parties may no longer write, support still may
        moved(support, id, Map.of("status", "investigating"));
        moved(support, id, Map.of("status", "rejected", "resolution", "Pas d'élément probant."));
        Response closed = Clients.withToken(paid.passengerToken()).body(Clients.json(Map.of("body", "Mais !")))
                .post(path);
        assertError(closed, 409, "conflict");
        assertThat(closed.jsonPath().getString("error.details.reason")).isEqualTo("dispute_closed");
        assertThat(Clients.withToken(support.token()).body(Clients.json(Map.of("body", "Dossier clos.")))
                .post(ADMIN + "/" + id + "/messages").statusCode()).isEqualTo(201);
    }

    @Test
    void statesMoveOneWayAgainstTheVersionReadAndEveryStepIsAuditedAndNotified() {
        Paid paid = paid(1);
        String id = opened(paid.passengerToken(), paid.bookingId());
        Admin support = Admin.of("support");
        JsonPath read = Clients.withToken(support.token()).get(ADMIN + "/" + id).then().statusCode(200).extract()
                .jsonPath();
        long version = read.getLong("data.version");

        Response skip = patch(support, id, Map.of("version", version, "status", "resolved", "resolution", "Vu."));
        assertError(skip, 409, "conflict");
        assertThat(skip.jsonPath().getMap("error.details")).containsEntry("from", "open").containsEntry("to",
                "resolved");
        assertInvalid(patch(support, id, Map.of("version", version)), "status");
        assertInvalid(patch(support, id, Map.of("status", "investigating")), "version");
        assertInvalid(patch(support, id, Map.of("version", version, "status", "open")), "status");
        assertInvalid(patch(support, id, Map.of("version", version, "status", "investigating", "resolution",
                "Trop tôt.")), "resolution");
        assertInvalid(patch(support, id, Map.of("version", version, "status", "investigating", "refund_amount",
                100)), "refund_amount");
        UUID finance = TestTokens.newAdmin("finance");
        assertInvalid(patch(support, id, Map.of("version", version, "assignee_id", finance.toString())),
                "assignee_id");
        assertInvalid(patch(support, id, Map.of("version", version, "assignee_id", UUID.randomUUID().toString())),
                "assignee_id");
        assertError(patch(support, UUID.randomUUID().toString(), Map.of("version", 0, "status", "investigating")),
                404, "not_found");

        Admin compliance = Admin.of("compliance");
        JsonPath investigating = moved(support, id, Map.of("status", "investigating", "assignee_id",
                compliance.id().toString()));
        assertThat(investigating.getString("data.status")).isEqualTo("investigating");
        assertThat(investigating.getString("data.assigned_to")).isEqualTo(compliance.id().toString());
        assertThat(investigating.getLong("data.version")).isGreaterThan(version);
        Response stale = patch(support, id, Map.of("version", version, "assignee_id", support.id().toString()));
        assertError(stale, 409, "conflict");
        assertThat(stale.jsonPath().getString("error.details.reason")).isEqualTo("version_mismatch");
        assertThat(stale.jsonPath().getLong("error.details.version")).isEqualTo(version(id));

        assertInvalid(patch(support, id, Map.of("version", version(id), "status", "rejected")), "resolution");
        JsonPath rejected = moved(compliance, id, Map.of("status", "rejected", "resolution",
                "Le trajet a eu lieu normalement."));
        assertThat(rejected.getString("data.status")).isEqualTo("rejected");
        assertThat(rejected.getString("data.resolved_by")).isEqualTo(compliance.id().toString());
        assertThat(rejected.getString("data.resolved_at")).isNotNull();
        assertThat(rejected.getInt("data.refund_amount")).isZero();
        Response reopen = patch(support, id, Map.of("version", version(id), "status", "investigating"));
        assertError(reopen, 409, "conflict");
        assertThat(reopen.jsonPath().getString("error.details.from")).isEqualTo("rejected");
        Response reassign = patch(support, id, Map.of("version", version(id), "assignee_id", support.id().toString()));
        assertThat(reassign.jsonPath().getString("error.details.reason")).isEqualTo("dispute_closed");

        JsonPath asParty = Clients.withToken(paid.passengerToken()).get(DISPUTES + "/" + id).jsonPath();
        assertThat(asParty.getString("data.status")).isEqualTo("rejected");
        assertThat(asParty.getString("data.resolution")).isEqualTo("Le trajet a eu lieu normalement.");
        assertThat(auditActions(id)).containsExactlyInAnyOrder("dispute.assigned", "dispute.investigating", "dispute.opened",
                "dispute.rejected");
        for (UUID party : List.of(paid.passengerId(), paid.driverId())) {
            assertThat(noticeKind(id, "investigating", party)).isEqualTo("dispute_investigating");
            assertThat(noticeKind(id, "rejected", party)).isEqualTo("dispute_rejected");
        }
    }

    @Test
    void aPartialRefundAfterTheRideMovesExactlyTheRightAmountsOnceHoweverOftenItIsSent() {
        Paid paid = paid(2);
        BookingFixtures.ride(paid.trip(), paid.bookingId());
        UUID payment = Db.value(UUID.class, "SELECT id FROM payments WHERE booking_id = ?::uuid", paid.bookingId());
        BigDecimal walletBefore = wallet(paid.passengerId());
        String id = opened(paid.passengerToken(), paid.bookingId());
        Admin support = Admin.of("support");
        moved(support, id, Map.of("status", "investigating"));

        Map<String, Object> resolution = Map.of("status", "resolved", "resolution",
                "Climatisation en panne : 3000 F remboursés, 1500 F retenus au conducteur.", "refund_amount", 3000,
                "driver_charge", 1500);
        // compliance settles disputes but does not move money (section 14: bookings arbitration)
        Response byCompliance = patch(Admin.of("compliance"), id, withVersion(resolution, id));
        assertError(byCompliance, 403, "forbidden");
        assertThat(byCompliance.jsonPath().getString("error.details.permission")).isEqualTo("BOOKINGS_ARBITRATE");

        long version = version(id);
        JsonPath resolved = moved(support, id, resolution);
        assertThat(resolved.getString("data.status")).isEqualTo("resolved");
        assertThat(resolved.getInt("data.refund_amount")).isEqualTo(3000);
        assertThat(resolved.getInt("data.driver_charge")).isEqualTo(1500);
        String refundId = resolved.getString("data.refund_id");
        assertThat(refundId).isNotNull();

        // the passenger: 3000 back in the wallet the booking was paid from; the payment: 3000 refunded of 12000
        assertThat(wallet(paid.passengerId())).isEqualByComparingTo(walletBefore.add(new BigDecimal("3000")));
        assertThat(Db.value(BigDecimal.class, "SELECT refunded_amount FROM payments WHERE id = ?", payment))
                .isEqualByComparingTo("3000");
        assertThat(Db.value(String.class, "SELECT reason || ' ' || amount::int || ' ' || status FROM payment_refunds "
                + "WHERE id = ?::uuid", refundId)).isEqualTo("dispute 3000 completed");
        // the driver: 12000 paid, 10 % commission → 10800 earned; 3000 refunded takes back 2700 (and 300 of
        // commission); the charge withholds 1500
        assertThat(ledger(paid.driverId())).containsExactlyInAnyOrder(
                "earning 10800 gross 12000 commission 1200",
                "reversal -2700 gross -3000 commission -300",
                "dispute_charge -1500 gross 0 commission 0");
        assertThat(Db.value(String.class, "SELECT cause_key FROM driver_ledger WHERE driver_id = ? "
                + "AND kind = 'dispute_charge'", paid.driverId())).isEqualTo("dispute-charge:" + id);
        // the charge counts at once; the reversal waits with the earning it reverses for the hold (payouts.hold_hours)
        // (the hold is not ended here: a payouts run of another test class must not pay this driver)
        JsonPath earnings = Clients.withToken(paid.driverToken()).get("/api/v1/me/earnings").then().statusCode(200)
                .extract().jsonPath();
        assertThat(earnings.getInt("data.available")).isEqualTo(-1500);
        assertThat(earnings.getInt("data.pending")).isEqualTo(10800 - 2700);
        assertThat(earnings.getList("data.periods.net", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(6600);

        // the same PATCH again (a retry, or a second admin who read the same version): 409, nothing moves
        Map<String, Object> replay = new HashMap<>(resolution);
        replay.put("version", version);
        Response twice = patch(support, id, replay);
        assertError(twice, 409, "conflict");
        assertThat(twice.jsonPath().getString("error.details.reason")).isEqualTo("version_mismatch");
        Response fresh = patch(support, id, withVersion(resolution, id));
        assertError(fresh, 409, "conflict");
        assertThat(fresh.jsonPath().getString("error.details.from")).isEqualTo("resolved");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM payment_refunds WHERE payment_id = ?", payment))
                .isEqualTo(1L);
        assertThat(ledger(paid.driverId())).hasSize(3);
        assertThat(wallet(paid.passengerId())).isEqualByComparingTo(walletBefore.add(new BigDecimal("3000")));

        List<String> actions = auditActions(id);
        assertThat(actions).containsExactlyInAnyOrder("dispute.investigating", "dispute.opened", "dispute.resolved");
        String meta = Db.value(String.class, "SELECT meta::text FROM audit_logs WHERE entity_id = ?::uuid "
                + "AND action = 'dispute.resolved'", id);
        assertThat(meta).contains("\"refund_id\": \"" + refundId + "\"").contains("\"refund_amount\": 3000")
                .contains("\"driver_charge\": 1500");
        assertThat(Db.value(String.class, "SELECT action FROM audit_logs WHERE entity = 'payments' "
                + "AND entity_id = ? AND actor_id = ?", payment, support.id())).isEqualTo("payment.refund");
        for (UUID party : List.of(paid.passengerId(), paid.driverId())) {
            assertThat(noticeKind(id, "resolved", party)).isEqualTo("dispute_resolved");
        }
    }

    @Test
    void aPartialRefundOfACardPaymentGoesBackThroughStripeOnce() {
        StripeStandIn stripe = StripeStandIn.start();
        TripRef trip = BookingFixtures.trip(4, true, Duration.ofHours(5));
        Passenger passenger = Passenger.create();
        String booking = BookingFixtures.accepted(trip, passenger, 1);
        Response init = BookingFixtures.pay(passenger.token(), booking, "card");
        assertThat(init.statusCode()).as(init.asString()).isEqualTo(201);
        String payment = init.jsonPath().getString("data.payment.id");
        String intent = stripe.intentFor(payment);
        stripe.succeed(intent);
        SignedWebhook succeeded = stripe.webhook("payment_intent.succeeded", intent);
        Response applied = Clients.anonymous().headers(succeeded.headers()).body(succeeded.body())
                .post("/api/v1/payments/webhook/stripe" + succeeded.queryString());
        assertThat(applied.statusCode()).as(applied.asString()).isEqualTo(200);
        BookingFixtures.ride(trip, booking);
        String id = opened(passenger.token(), booking);
        Admin ops = Admin.of("ops");
        moved(ops, id, Map.of("status", "investigating"));
        int sendsBefore = stripe.requests("POST", "/v1/refunds").size();

        moved(ops, id, Map.of("status", "resolved", "resolution", "Retard de 2 heures.", "refund_amount", 2000));

        // sent to Stripe after the commit, once, for 2000 of the 6000 charged; the payment's refunded total follows
        PayoutFixtures.eventually(() -> "completed".equals(Db.value(String.class, "SELECT status FROM payment_refunds "
                + "WHERE payment_id = ?::uuid", payment)), "Stripe's refund to complete");
        assertThat(stripe.intent(intent).getJsonObject("latest_charge").getJsonNumber("amount_refunded").longValue())
                .isEqualTo(2000);
        assertThat(stripe.requests("POST", "/v1/refunds")).hasSize(sendsBefore + 1);
        assertThat(Db.value(BigDecimal.class, "SELECT refunded_amount FROM payments WHERE id = ?::uuid", payment))
                .isEqualByComparingTo("2000");
        assertThat(Db.value(String.class, "SELECT route FROM payment_refunds WHERE payment_id = ?::uuid", payment))
                .isEqualTo("ORIGINAL");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id "
                + "WHERE w.user_id = ? AND t.source = 'refund'", passenger.id())).as("nothing to the wallet").isZero();
        assertThat(ledger(trip.driver().id())).containsExactlyInAnyOrder(
                "earning 5400 gross 6000 commission 600",
                "reversal -1800 gross -2000 commission -200");
    }

    @Test
    void twoAdminsResolvingAtOnceRefundOnce() throws Exception {
        Paid paid = paid(1);
        String id = opened(paid.passengerToken(), paid.bookingId());
        Admin first = Admin.of("ops");
        Admin second = Admin.of("super");
        moved(first, id, Map.of("status", "investigating"));
        Map<String, Object> body = withVersion(Map.of("status", "resolved", "resolution", "Remboursement total.",
                "refund_amount", 6000), id);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (Admin admin : List.of(first, second)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return patch(admin, id, body).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                + "WHERE p.booking_id = ?::uuid", paid.bookingId())).isEqualTo(1L);
        assertThat(Db.value(String.class, "SELECT status FROM payments WHERE booking_id = ?::uuid", paid.bookingId()))
                .isEqualTo("refunded");
        // paid before the ride, refunded in full: nothing was earned, nothing to reverse
        assertThat(ledger(paid.driverId())).isEmpty();
    }

    @Test
    void aRefundBeyondWhatIsLeftOrAChargeBeyondTheFareMovesNothing() {
        Paid paid = paid(1);
        String id = opened(paid.passengerToken(), paid.bookingId());
        Admin ops = Admin.of("ops");
        moved(ops, id, Map.of("status", "investigating"));
        BigDecimal walletBefore = wallet(paid.passengerId());

        Response tooMuch = patch(ops, id, withVersion(Map.of("status", "resolved", "resolution", "Trop.",
                "refund_amount", 6001, "driver_charge", 500), id));
        assertError(tooMuch, 409, "conflict");
        assertThat(tooMuch.jsonPath().getInt("error.details.refundable")).isEqualTo(6000);
        assertInvalid(patch(ops, id, withVersion(Map.of("status", "resolved", "resolution", "Trop.",
                "driver_charge", 6001), id)), "driver_charge");
        assertInvalid(patch(ops, id, withVersion(Map.of("status", "resolved", "resolution", "Rien.",
                "refund_amount", 0), id)), "refund_amount");

        JsonPath still = Clients.withToken(ops.token()).get(ADMIN + "/" + id).jsonPath();
        assertThat(still.getString("data.status")).isEqualTo("investigating");
        assertThat(wallet(paid.passengerId())).isEqualByComparingTo(walletBefore);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id "
                + "WHERE p.booking_id = ?::uuid", paid.bookingId())).isZero();
        assertThat(ledger(paid.driverId())).isEmpty();
        assertThat(auditActions(id)).containsExactlyInAnyOrder("dispute.investigating", "dispute.opened");
    }

    @Test
    void adminsFilterByStatusCategoryAssigneeBookingAndPeriod() {
        Paid paid = paid(1);
        String byDriver = opened(paid.driverToken(), paid.bookingId());
        Response lost = open(paid.passengerToken(), paid.bookingId(), "lost_item", TEXT, null);
        String lostItem = lost.jsonPath().getString("data.id");
        Admin support = Admin.of("support");
        moved(support, lostItem, Map.of("status", "investigating", "assignee_id", support.id().toString()));
        String booking = "booking_id=" + paid.bookingId();

        assertThat(ids(support, booking)).containsExactly(lostItem, byDriver);
        assertThat(ids(support, booking + "&status=open")).containsExactly(byDriver);
        assertThat(ids(support, booking + "&status=in:open,investigating&sort=created_at"))
                .containsExactly(byDriver, lostItem);
        assertThat(ids(support, booking + "&category=lost_item")).containsExactly(lostItem);
        assertThat(ids(support, "assigned_to=" + support.id())).containsExactly(lostItem);
        String from = Instant.now().minusSeconds(600).toString();
        assertThat(ids(support, booking + "&created_at_gte=" + from + "&created_at_lte=" + Instant.now()
                .plusSeconds(60))).hasSize(2);
        assertThat(ids(support, booking + "&created_at_lte=" + from)).isEmpty();
        JsonPath page = Clients.withToken(support.token()).get(ADMIN + "?" + booking + "&page_size=1").jsonPath();
        assertThat(page.getInt("meta.pagination.total")).isEqualTo(2);
        assertThat(page.getList("data")).hasSize(1);
        assertInvalid(Clients.withToken(support.token()).get(ADMIN + "?category=weather"), "category");
        assertInvalid(Clients.withToken(support.token()).get(ADMIN + "?priority=high"), "priority");
        assertInvalid(Clients.withToken(paid.passengerToken()).get("/api/v1/me/disputes?status=closed"), "status");
    }

    private static List<String> ids(Admin admin, String query) {
        Response list = Clients.withToken(admin.token()).get(ADMIN + "?" + query);
        assertThat(list.statusCode()).as(list.asString()).isEqualTo(200);
        return list.jsonPath().getList("data.id", String.class);
    }

    private static Map<String, Object> withVersion(Map<String, Object> change, String id) {
        Map<String, Object> body = new HashMap<>(change);
        body.put("version", version(id));
        return body;
    }

    private static List<String> ledger(UUID driverId) {
        List<String> entries = new ArrayList<>();
        Db.query("SELECT kind, amount, gross, commission FROM driver_ledger WHERE driver_id = ?", rows -> {
            while (rows.next()) {
                entries.add(rows.getString(1) + " " + rows.getBigDecimal(2).intValueExact() + " gross "
                        + rows.getBigDecimal(3).intValueExact() + " commission " + rows.getBigDecimal(4).intValueExact());
            }
        }, driverId);
        return entries;
    }
}
