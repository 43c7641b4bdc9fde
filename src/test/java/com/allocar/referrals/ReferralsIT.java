package com.allocar.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestTokens;
import com.allocar.trips.TripFixtures;
import com.allocar.wallet.WalletFixtures;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * REF-1: a referral code at sign-up or with POST /referrals/use, once, never one's own nor between accounts of one
 * install; both bonuses paid as promo wallet credits after the referee's first completed ride, once; GET /me/referrals;
 * the back office's list and cancellation.
 */
class ReferralsIT {
    private static final String DEVICE = "X-Device-Id";

    @Test
    void aCodeGivenAtSignUpPaysBothWalletsAfterTheFirstRideWithSomeoneElseOnce() {
        TripFixtures.Driver referrer = TripFixtures.approvedDriver();
        String code = codeOf(referrer.id());
        String phone = Accounts.newPhone();
        Response registered = register(phone, code, newDevice());
        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        UUID referee = verifiedUser(phone);
        String refereeToken = TestTokens.forUser(referee);
        Map<String, Object> referral = referralOf(referee);
        assertThat(referral).containsEntry("status", "pending").containsEntry("referrer_id", referrer.id());

        // a ride with the referrer as driver does not count
        rideAsPassenger(referee, BookingFixtures.trip(referrer, 3, true, Duration.ofDays(2)));
        assertThat(referralOf(referee)).containsEntry("status", "pending");
        assertThat(promoCredits(referrer.id())).isEmpty();

        // the first ride with someone else pays both, as promo credits held from withdrawal
        String rewarding = rideAsPassenger(referee, BookingFixtures.trip(3, true));
        referral = referralOf(referee);
        assertThat(referral).containsEntry("status", "rewarded")
                .containsEntry("rewarded_booking_id", UUID.fromString(rewarding));
        assertThat(promoCredits(referrer.id())).containsExactly(new BigDecimal("1000.00"));
        assertThat(promoCredits(referee)).containsExactly(new BigDecimal("1000.00"));
        assertThat(Db.value(Boolean.class, "SELECT bool_and(hold_until > now() + interval '29 days') FROM wallet_txns t "
                + "JOIN wallets w ON w.id = t.wallet_id WHERE w.user_id = ? AND t.source = 'promo'", referee)).isTrue();
        assertThat(Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE action = 'referral.reward' "
                + "AND entity_id = ?", referral.get("id"))).isEqualTo(1L);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE kind = 'referral_rewarded' "
                + "AND event_key LIKE ?", "referral:" + referral.get("id") + ":%")).isEqualTo(2L);

        // a second ride pays nothing more
        rideAsPassenger(referee, BookingFixtures.trip(3, true));
        assertThat(promoCredits(referrer.id())).hasSize(1);
        assertThat(promoCredits(referee)).hasSize(1);

        Response mine = Clients.withToken(referrer.token()).get("/api/v1/me/referrals");
        assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(200);
        assertThat(mine.jsonPath().getString("data.code")).isEqualTo(code);
        assertThat(mine.jsonPath().getLong("data.rewarded")).isEqualTo(1);
        assertThat(mine.jsonPath().getLong("data.pending")).isZero();
        assertThat(new BigDecimal(mine.jsonPath().getString("data.earned"))).isEqualByComparingTo("1000");
        Response invitees = Clients.withToken(referrer.token()).get("/api/v1/me/referrals/invitees?status=rewarded");
        assertThat(invitees.statusCode()).as(invitees.asString()).isEqualTo(200);
        assertThat(invitees.jsonPath().getList("data.referee.id")).containsExactly(referee.toString());
        assertThat(invitees.jsonPath().getString("data[0].referee.display_name")).isEqualTo("Awa K.");

        Response refereeView = Clients.withToken(refereeToken).get("/api/v1/me/referrals");
        assertThat(refereeView.jsonPath().getString("data.referred_by.referrer.id")).isEqualTo(referrer.id().toString());
        assertThat(refereeView.jsonPath().getString("data.can_enter_code_until")).isNull();
    }

    @Test
    void aRefusedCodeRefusesTheSignUpAndTheRulesOfUse() {
        UUID referrer = TestTokens.newUser();
        String code = codeOf(referrer);

        String phone = Accounts.newPhone();
        Response unknown = register(phone, "NOSUCHCODE1", newDevice());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("error.details.fields.referral_code")).isEqualTo("is not a referral code");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM users WHERE phone = ?", phone)).isZero();
        Response noDevice = Clients.anonymous().body(Clients.json(Map.of("phone", phone, "referral_code", code)))
                .post("/api/v1/auth/register");
        assertThat(noDevice.statusCode()).isEqualTo(400);
        assertThat(noDevice.jsonPath().getMap("error.details.fields")).extractingByKey(DEVICE).asString()
                .contains("required");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM users WHERE phone = ?", phone)).isZero();

        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        assertThat(use(token, codeOf(user), newDevice()).jsonPath().getString("error.details.reason"))
                .isEqualTo("own_code");
        assertThat(use(token, code, null).statusCode()).isEqualTo(400);
        assertThat(use(token, "bad code!", newDevice()).statusCode()).isEqualTo(400);
        Response used = use(token, code.toLowerCase(), newDevice());
        assertThat(used.statusCode()).as(used.asString()).isEqualTo(201);
        assertThat(used.jsonPath().getString("data.status")).isEqualTo("pending");
        Response again = use(token, codeOf(TestTokens.newUser()), newDevice());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("error.details.reason")).isEqualTo("already_referred");
        // the referrer cannot take the code of the one they brought
        Response mutual = use(TestTokens.forUser(referrer), codeOf(user), newDevice());
        assertThat(mutual.jsonPath().getString("error.details.reason")).isEqualTo("mutual");

        UUID late = TestTokens.newUser();
        Db.sql("UPDATE users SET created_at = now() - interval '8 days' WHERE id = ?", late);
        assertThat(use(TestTokens.forUser(late), code, newDevice()).jsonPath().getString("error.details.reason"))
                .isEqualTo("window_closed");

        // someone who already rode (here as a driver) is no new rider
        TripRef trip = BookingFixtures.trip(3, true);
        rideAsPassenger(TestTokens.newUser(), trip);
        Response rode = use(trip.driver().token(), code, newDevice());
        assertThat(rode.statusCode()).isEqualTo(409);
        assertThat(rode.jsonPath().getString("error.details.reason")).isEqualTo("already_rode");
    }

    @Test
    void twoAccountsOfOneInstallCannotReferEachOtherNowOrLater() {
        String device = newDevice();
        String referrerPhone = Accounts.newPhone();
        assertThat(register(referrerPhone, null, device).statusCode()).isEqualTo(201);
        UUID referrer = verifiedUser(referrerPhone);

        String phone = Accounts.newPhone();
        Response refused = register(phone, codeOf(referrer), device);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("same_device");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM users WHERE phone = ?", phone)).isZero();

        // from another install it is accepted, until the referee signs in on the referrer's phone
        assertThat(register(phone, codeOf(referrer), newDevice()).statusCode()).isEqualTo(201);
        UUID referee = verifiedUser(phone);
        Response login = Clients.anonymous().header(DEVICE, device)
                .body(Clients.json(Map.of("identifier", phone, "password", "Tr3s-secret!"))).post("/api/v1/auth/login");
        assertThat(login.statusCode()).as(login.asString()).isEqualTo(200);
        rideAsPassenger(referee, BookingFixtures.trip(3, true));
        Map<String, Object> referral = referralOf(referee);
        assertThat(referral).containsEntry("status", "cancelled");
        assertThat((String) referral.get("cancel_reason")).startsWith("same_device");
        assertThat(promoCredits(referrer)).isEmpty();
        assertThat(promoCredits(referee)).isEmpty();
    }

    @Test
    void concurrentCodesMakeOneReferral() throws Exception {
        UUID referee = TestTokens.newUser();
        String token = TestTokens.forUser(referee);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(codeOf(TestTokens.newUser()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(codes.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String code : codes) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return use(token, code, newDevice()).statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new HashMap<>();
            for (Future<Integer> answer : answers) {
                counts.merge(answer.get(), 1, Integer::sum);
            }
            assertThat(counts).isEqualTo(Map.of(201, 1, 409, codes.size() - 1));
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.value(Long.class, "SELECT count(*) FROM referrals WHERE referee_id = ?", referee)).isEqualTo(1L);
    }

    @Test
    void theBackOfficeListsAndCancelsAPendingReferralWhichThenNeverPays() {
        UUID referrer = TestTokens.newUser();
        UUID referee = TestTokens.newUser();
        assertThat(use(TestTokens.forUser(referee), codeOf(referrer), newDevice()).statusCode()).isEqualTo(201);
        String ops = TestTokens.forAdmin("ops");
        Response list = Clients.withToken(ops).get("/api/v1/admin/referrals?status=pending&referrer_id=" + referrer);
        assertThat(list.statusCode()).as(list.asString()).isEqualTo(200);
        assertThat(list.jsonPath().getList("data.referee.id")).containsExactly(referee.toString());
        String id = list.jsonPath().getString("data[0].id");

        assertThat(cancel(ops, id, "").statusCode()).isEqualTo(400);
        Response cancelled = cancel(ops, id, "Same household, reported by support");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
        assertThat(cancelled.jsonPath().getString("data.status")).isEqualTo("cancelled");
        assertThat(cancelled.jsonPath().getString("data.cancel_reason")).isEqualTo("admin: Same household, reported by support");
        Response again = cancel(ops, id, "twice");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("error.details.reason")).isEqualTo("not_pending");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE action = 'referral.cancel' "
                + "AND entity_id = ?::uuid AND actor_type = 'admin'", id)).isEqualTo(1L);
        assertThat(Clients.withToken(ops).get("/api/v1/admin/referrals/" + id).jsonPath().getString("data.status"))
                .isEqualTo("cancelled");

        rideAsPassenger(referee, BookingFixtures.trip(3, true));
        assertThat(promoCredits(referrer)).isEmpty();
        assertThat(promoCredits(referee)).isEmpty();
    }

    private static Response register(String phone, String code, String device) {
        Map<String, Object> body = new HashMap<>(Map.of("phone", phone, "password", "Tr3s-secret!",
                "first_name", "Awa", "last_name", "Kouassi"));
        if (code != null) {
            body.put("referral_code", code);
        }
        return Clients.anonymous().header(DEVICE, device).body(Clients.json(body)).post("/api/v1/auth/register");
    }

    private static Response use(String token, String code, String device) {
        var request = Clients.withToken(token);
        if (device != null) {
            request.header(DEVICE, device);
        }
        return request.body(Clients.json(Map.of("referral_code", code))).post("/api/v1/referrals/use");
    }

    private static Response cancel(String adminToken, String id, String reason) {
        return Clients.withToken(adminToken).body(Clients.json(Map.of("reason", reason)))
                .post("/api/v1/admin/referrals/" + id + "/cancel");
    }

    /** The user's referral code, given one when the test made the user straight in the database. */
    private static String codeOf(UUID userId) {
        Db.sql("UPDATE users SET referral_code = coalesce(referral_code, upper(substr(md5(random()::text), 1, 10))) "
                + "WHERE id = ?", userId);
        return Db.value(String.class, "SELECT referral_code FROM users WHERE id = ?", userId);
    }

    /** The account registered with this phone, verified as if its code had been entered. */
    private static UUID verifiedUser(String phone) {
        Db.sql("UPDATE users SET is_phone_verified = true WHERE phone = ?", phone);
        return Db.value(UUID.class, "SELECT id FROM users WHERE phone = ?", phone);
    }

    private static String newDevice() {
        return "install-" + UUID.randomUUID();
    }

    /** The user books one seat of the trip, pays it from a funded wallet and rides: the booking's id. */
    private static String rideAsPassenger(UUID passenger, TripRef trip) {
        String token = TestTokens.forUser(passenger);
        WalletFixtures.fund(passenger, 6000);
        String booking = BookingFixtures.booked(token, trip.id(), 1).getString("data.id");
        Response paid = BookingFixtures.pay(token, booking, "wallet");
        assertThat(paid.statusCode()).as(paid.asString()).isEqualTo(201);
        BookingFixtures.ride(trip, booking);
        return booking;
    }

    private static Map<String, Object> referralOf(UUID referee) {
        Map<String, Object> referral = new HashMap<>();
        Db.query("SELECT id, status, referrer_id, rewarded_booking_id, cancel_reason FROM referrals WHERE referee_id = ?",
                rows -> {
                    assertThat(rows.next()).as("a referral").isTrue();
                    referral.put("id", rows.getObject(1));
                    referral.put("status", rows.getString(2));
                    referral.put("referrer_id", rows.getObject(3));
                    referral.put("rewarded_booking_id", rows.getObject(4));
                    referral.put("cancel_reason", rows.getString(5));
                }, referee);
        return referral;
    }

    private static List<BigDecimal> promoCredits(UUID userId) {
        List<BigDecimal> amounts = new ArrayList<>();
        Db.query("SELECT t.amount FROM wallet_txns t JOIN wallets w ON w.id = t.wallet_id WHERE w.user_id = ? "
                + "AND t.source = 'promo' AND t.type = 'credit' AND t.ref_type = 'referral' ORDER BY t.created_at",
                rows -> {
                    while (rows.next()) {
                        amounts.add(rows.getBigDecimal(1));
                    }
                }, userId);
        return amounts;
    }
}
