package com.allocar.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.bookings.BookingFixtures;
import com.allocar.bookings.BookingFixtures.TripRef;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.TestTokens;
import com.allocar.trips.TripFixtures;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** RATE-1 (docs/ratings.md): who rates whom and when, the double-blind reveal, the averages, search, moderation. */
class RatingsIT {
    private static final String RATINGS = "/api/v1/ratings";

    /** A completed ride: its trip (and driver), booking and passenger. */
    record Ride(TripRef trip, String bookingId, UUID passengerId, String passengerToken) {
        UUID driverId() {
            return trip.driver().id();
        }

        String driverToken() {
            return trip.driver().token();
        }
    }

    /** A paid booking ridden to the end through the API (check-in, start, end), as the payouts tests do. */
    private static Ride completedRide() {
        return completedRide(BookingFixtures.trip(3, true, Duration.ofHours(5)));
    }

    private static Ride completedRide(TripRef trip) {
        String booking = BookingFixtures.paidBooking(trip, 1);
        BookingFixtures.ride(trip, booking);
        return new Ride(trip, booking, BookingFixtures.passengerOf(booking), BookingFixtures.passengerToken(booking));
    }

    /** {@code count} completed bookings of new passengers on the trip, written in SQL (no seat or money involved). */
    private static List<Ride> completedBookings(TripRef trip, int count) {
        List<Ride> rides = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID passenger = TestTokens.newUser();
            UUID booking = Db.id("INSERT INTO bookings (trip_id, passenger_id, seats, amount_total, status, "
                    + "checked_in_at, started_at, completed_at) VALUES (?::uuid, ?, 1, 6000, 'completed', now(), now(), "
                    + "now()) RETURNING id", trip.id(), passenger);
            rides.add(new Ride(trip, booking.toString(), passenger, TestTokens.forUser(passenger)));
        }
        return rides;
    }

    private static Response rate(String token, String bookingId, UUID toUser, Object stars, Object comment,
                                 List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("booking_id", bookingId);
        body.put("to_user_id", toUser.toString());
        body.put("stars", stars);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (tags != null) {
            body.put("tags", tags);
        }
        return Clients.withToken(token).body(Clients.json(body)).post(RATINGS);
    }

    private static JsonPath rated(String token, String bookingId, UUID toUser, int stars, String comment,
                                  List<String> tags) {
        Response response = rate(token, bookingId, toUser, stars, comment, tags);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    private static JsonPath ratingsOf(UUID userId, Object... query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            parameters.put((String) query[i], query[i + 1]);
        }
        Response response = Clients.anonymous().queryParams(parameters).get("/api/v1/users/" + userId + "/ratings");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static BigDecimal decimal(JsonPath json, String path) {
        return new BigDecimal(json.getString(path));
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo(code);
    }

    private static String reason(Response response) {
        return response.jsonPath().getString("error.details.reason");
    }

    private static int sweep() {
        Response swept = Clients.anonymous().post("/api/v1/_probes/ratings/reveal-sweep");
        assertThat(swept.statusCode()).as(swept.asString()).isEqualTo(200);
        return swept.jsonPath().getInt("data.revealed");
    }

    private static String average(UUID userId) {
        return Db.value(BigDecimal.class, "SELECT rating_avg FROM users WHERE id = ?", userId).toPlainString();
    }

    private static int count(UUID userId) {
        return Db.value(Integer.class, "SELECT rating_count FROM users WHERE id = ?", userId);
    }

    private static long audits(String action, UUID entityId) {
        return Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE action = ? AND entity_id = ?", action,
                entityId);
    }

    @Test
    void thePartiesOfACompletedRideRateEachOtherOnceAndBothRatingsShowTogether() {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofHours(5));
        String unfinished = BookingFixtures.paidBooking(trip, 1);
        Ride ride = completedRide(trip);
        Instant completedAt = Db.value(java.sql.Timestamp.class, "SELECT completed_at FROM bookings WHERE id = ?::uuid",
                ride.bookingId()).toInstant();

        // not a party: the booking is not revealed
        assertError(rate(TestTokens.forNewUser(), ride.bookingId(), ride.driverId(), 5, null, null), 404, "not_found");
        assertError(rate(ride.passengerToken(), UUID.randomUUID().toString(), ride.driverId(), 5, null, null), 404,
                "not_found");
        // a party, about someone else than the other party
        Response aboutMyself = rate(ride.passengerToken(), ride.bookingId(), ride.passengerId(), 5, null, null);
        assertError(aboutMyself, 400, "validation_error");
        assertThat(aboutMyself.jsonPath().getString("error.details.fields.to_user_id")).isNotBlank();
        // a booking not completed yet
        Response early = rate(BookingFixtures.passengerToken(unfinished), unfinished, ride.driverId(), 5, null, null);
        assertError(early, 409, "conflict");
        assertThat(reason(early)).isEqualTo("booking_not_completed");

        // the ride appears among the passenger's rides to rate, until rated
        JsonPath pending = Clients.withToken(ride.passengerToken()).get("/api/v1/me/ratings/pending").jsonPath();
        assertThat(pending.getList("data.booking_id", String.class)).containsExactly(ride.bookingId());
        assertThat(pending.getString("data[0].to_user.id")).isEqualTo(ride.driverId().toString());
        assertThat(pending.getString("data[0].role")).isEqualTo("as_driver");

        com.allocar.notifications.PushFixtures.device(ride.driverId());
        JsonPath first = rated(ride.passengerToken(), ride.bookingId(), ride.driverId(), 5, "  Très ponctuel, merci  ",
                List.of("punctual", "safe_driving", "punctual"));
        assertThat(first.getString("data.visibility")).isEqualTo("blind");
        assertThat(first.getString("data.role")).isEqualTo("as_driver");
        assertThat(first.getString("data.comment")).isEqualTo("Très ponctuel, merci");
        assertThat(first.getList("data.tags", String.class)).containsExactly("punctual", "safe_driving");
        assertThat(Instant.parse(first.getString("data.reveal_at")))
                .isEqualTo(completedAt.plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS));
        assertThat(Clients.withToken(ride.passengerToken()).get("/api/v1/me/ratings/pending").jsonPath()
                .getList("data.booking_id", String.class)).isEmpty();

        Response again = rate(ride.passengerToken(), ride.bookingId(), ride.driverId(), 1, null, null);
        assertError(again, 409, "conflict");
        assertThat(reason(again)).isEqualTo("already_rated");

        // blind: nobody else sees it, and the driver's average does not count it
        JsonPath blind = ratingsOf(ride.driverId());
        assertThat(blind.getList("data.ratings")).isEmpty();
        assertThat(blind.getInt("data.summary.count")).isZero();
        assertThat(count(ride.driverId())).isZero();
        assertThat(sweep()).as("the window is open").isGreaterThanOrEqualTo(0);
        assertThat(ratingsOf(ride.driverId()).getList("data.ratings")).isEmpty();

        // the driver's tags are those about a passenger
        Response wrongTag = rate(ride.driverToken(), ride.bookingId(), ride.passengerId(), 4, null, List.of("clean_car"));
        assertError(wrongTag, 400, "validation_error");
        String key = UUID.randomUUID().toString();
        String body = Clients.json(Map.of("booking_id", ride.bookingId(), "to_user_id", ride.passengerId().toString(),
                "stars", 4, "tags", List.of("tidy")));
        Response made = Clients.withToken(ride.driverToken()).header("Idempotency-Key", key).body(body).post(RATINGS);
        assertThat(made.statusCode()).as(made.asString()).isEqualTo(201);
        Response retried = Clients.withToken(ride.driverToken()).header("Idempotency-Key", key).body(body).post(RATINGS);
        assertThat(retried.statusCode()).as("a retry replays the answer").isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        JsonPath second = made.jsonPath();
        assertThat(second.getString("data.visibility")).isEqualTo("visible");
        assertThat(second.getString("data.reveal_at")).isNull();

        JsonPath driverRatings = ratingsOf(ride.driverId());
        assertThat(driverRatings.getInt("data.summary.count")).isEqualTo(1);
        assertThat(decimal(driverRatings, "data.summary.average")).isEqualByComparingTo("5.0");
        assertThat(driverRatings.getInt("data.summary.distribution.5")).isEqualTo(1);
        assertThat(driverRatings.getInt("data.summary.distribution.1")).isZero();
        assertThat(driverRatings.getInt("data.ratings[0].stars")).isEqualTo(5);
        assertThat(driverRatings.getString("data.ratings[0].comment")).isEqualTo("Très ponctuel, merci");
        assertThat(driverRatings.getString("data.ratings[0].role")).isEqualTo("as_driver");
        assertThat(driverRatings.getString("data.ratings[0].author.id")).isEqualTo(ride.passengerId().toString());
        assertThat(driverRatings.getString("data.ratings[0].author.first_name")).isEqualTo("Test");
        assertThat(driverRatings.getList("data.ratings[0].tags", String.class)).containsExactly("punctual", "safe_driving");
        JsonPath passengerRatings = ratingsOf(ride.passengerId());
        assertThat(passengerRatings.getString("data.ratings[0].role")).isEqualTo("as_passenger");
        assertThat(passengerRatings.getInt("data.ratings[0].stars")).isEqualTo(4);
        assertThat(passengerRatings.getString("data.ratings[0].comment")).isNull();
        assertThat(ratingsOf(ride.passengerId(), "role", "as_driver").getInt("data.summary.count")).isZero();

        assertThat(average(ride.driverId())).isEqualTo("5.00");
        assertThat(count(ride.driverId())).isEqualTo(1);
        assertThat(average(ride.passengerId())).isEqualTo("4.00");
        assertThat(Db.value(Long.class, "SELECT count(DISTINCT revealed_at) FROM ratings WHERE booking_id = ?::uuid "
                + "AND revealed_at IS NOT NULL", ride.bookingId())).as("both revealed in one transaction").isEqualTo(1);
        // each rated user hears of it once visible (push; the driver has a device)
        assertThat(Db.value(Long.class, "SELECT count(*) FROM outbox_messages WHERE event_key = ? AND user_id = ? "
                + "AND channel = 'push'", "rating_revealed:" + first.getString("data.id"), ride.driverId())).isEqualTo(1);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key = ? AND user_id = ?",
                "rating_revealed:" + second.getString("data.id"), ride.passengerId())).isEqualTo(1);
        assertThat(Db.value(Long.class, "SELECT count(*) FROM audit_logs WHERE action = 'rating.created' "
                + "AND actor_id IN (?, ?)", ride.passengerId(), ride.driverId())).isEqualTo(2);
    }

    @Test
    void badRatingsAndBadListsAreRefused() {
        Ride ride = completedRide();
        String token = ride.passengerToken();
        for (Object stars : new Object[] {0, 6, null, "five"}) {
            assertError(rate(token, ride.bookingId(), ride.driverId(), stars, null, null), 400, "validation_error");
        }
        assertError(rate(token, ride.bookingId(), ride.driverId(), 5, "x".repeat(1001), null), 400, "validation_error");
        assertError(rate(token, ride.bookingId(), ride.driverId(), 5, "bonjour\u0007", null), 400, "validation_error");
        assertError(rate(token, ride.bookingId(), ride.driverId(), 5, null, List.of("punctual", "friendly",
                "safe_driving", "clean_car", "comfortable_ride", "quiet_ride")), 400, "validation_error");
        assertError(rate(token, ride.bookingId(), ride.driverId(), 5, null, List.of("rude")), 400, "validation_error");
        assertError(rate(token, "not-a-uuid", ride.driverId(), 5, null, null), 400, "validation_error");
        assertError(Clients.anonymous().body(Clients.json(Map.of("booking_id", ride.bookingId(),
                "to_user_id", ride.driverId().toString(), "stars", 5))).post(RATINGS), 401, "auth_required");
        assertThat(Db.value(Long.class, "SELECT count(*) FROM ratings WHERE booking_id = ?::uuid", ride.bookingId()))
                .as("nothing was written").isZero();

        String list = "/api/v1/users/" + ride.driverId() + "/ratings";
        assertError(Clients.anonymous().queryParam("page_size", 101).get(list), 400, "validation_error");
        assertError(Clients.anonymous().queryParam("stars", 5).get(list), 400, "validation_error");
        assertError(Clients.anonymous().queryParam("role", "as_king").get(list), 400, "validation_error");
        assertError(Clients.anonymous().get("/api/v1/users/" + UUID.randomUUID() + "/ratings"), 404, "not_found");
        assertError(Clients.anonymous().get("/api/v1/me/ratings/pending"), 401, "auth_required");
    }

    @Test
    void aBlindRatingIsRevealedByTheSweepWhenTheWindowCloses() {
        Ride ride = completedRide();
        assertThat(Clients.withToken(ride.driverToken()).get("/api/v1/me/ratings/pending").jsonPath()
                .getList("data.booking_id", String.class)).containsExactly(ride.bookingId());
        String id = rated(ride.passengerToken(), ride.bookingId(), ride.driverId(), 2, "En retard", null)
                .getString("data.id");

        sweep();
        assertThat(ratingsOf(ride.driverId()).getList("data.ratings")).as("13 days left").isEmpty();

        // fourteen days and a minute later (the booking's completion moved back instead of waiting)
        Db.sql("UPDATE bookings SET completed_at = completed_at - interval '14 days 1 minute' WHERE id = ?::uuid",
                ride.bookingId());
        Response late = rate(ride.driverToken(), ride.bookingId(), ride.passengerId(), 5, null, null);
        assertError(late, 409, "conflict");
        assertThat(reason(late)).isEqualTo("rating_window_closed");
        assertThat(Clients.withToken(ride.driverToken()).get("/api/v1/me/ratings/pending").jsonPath()
                .getList("data.booking_id", String.class)).as("the window closed").isEmpty();

        assertThat(sweep()).isGreaterThanOrEqualTo(1);
        JsonPath revealed = ratingsOf(ride.driverId());
        assertThat(revealed.getList("data.ratings.id", String.class)).containsExactly(id);
        assertThat(revealed.getString("data.ratings[0].comment")).isEqualTo("En retard");
        assertThat(average(ride.driverId())).isEqualTo("2.00");
        assertThat(count(ride.driverId())).isEqualTo(1);
        assertThat(audits("ratings.revealed", UUID.fromString(ride.bookingId()))).isEqualTo(1);
        assertThat(sweep()).as("revealed once").isGreaterThanOrEqualTo(0);
        assertThat(audits("ratings.revealed", UUID.fromString(ride.bookingId()))).isEqualTo(1);
    }

    @Test
    void twentyPassengersRevealingTheirRatingsOfOneDriverAtOnceLeaveTheExactAverage() throws Exception {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofDays(3));
        List<Ride> rides = completedBookings(trip, 20);
        // the driver rates every passenger first: each passenger's rating then reveals both directions
        for (Ride ride : rides) {
            rated(ride.driverToken(), ride.bookingId(), ride.passengerId(), 4, null, null);
        }
        assertThat(count(trip.driver().id())).isZero();

        int[] stars = new int[20];
        int sum = 0;
        for (int i = 0; i < 20; i++) {
            stars[i] = i < 13 ? 5 : i < 18 ? 4 : 2;
            sum += stars[i];
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Ride ride = rides.get(i);
                int given = stars[i];
                futures.add(pool.submit(() -> {
                    start.await();
                    return rate(ride.passengerToken(), ride.bookingId(), ride.driverId(), given, null, null);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                Response response = future.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                assertThat(response.jsonPath().getString("data.visibility")).isEqualTo("visible");
            }
        } finally {
            pool.shutdownNow();
        }

        UUID driver = trip.driver().id();
        String expected = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(20), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        assertThat(expected).isEqualTo("4.45");
        assertThat(average(driver)).isEqualTo(expected);
        assertThat(count(driver)).isEqualTo(20);
        JsonPath summary = ratingsOf(driver, "page_size", 5);
        assertThat(decimal(summary, "data.summary.average")).isEqualByComparingTo("4.45");
        assertThat(summary.getInt("data.summary.count")).isEqualTo(20);
        assertThat(summary.getInt("data.summary.distribution.5")).isEqualTo(13);
        assertThat(summary.getInt("data.summary.distribution.4")).isEqualTo(5);
        assertThat(summary.getInt("data.summary.distribution.2")).isEqualTo(2);
        assertThat(summary.getInt("meta.pagination.total")).isEqualTo(20);
        assertThat(summary.getList("data.ratings")).hasSize(5);
        // the search legs of the driver's published trip carry the new average, in the same transaction
        assertThat(Db.value(BigDecimal.class, "SELECT min(driver_rating) FROM trip_search_legs WHERE trip_id = ?::uuid",
                trip.id()).toPlainString()).isEqualTo("4.45");
        for (Ride ride : rides) {
            assertThat(average(ride.passengerId())).isEqualTo("4.00");
        }
    }

    @Test
    void theSearchDriverRatingFilterSeesTheRevealedRating() {
        Ride ride = completedRide();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(ThreadLocalRandom.current().nextInt(20, 50));
        Map<String, Object> body = TripFixtures.example(1);
        body.put("departure_time", day.atTime(10, 0).toInstant(ZoneOffset.UTC).toString());
        String upcoming = TripFixtures.create(ride.driverToken(), body).getString("data.id");
        Map<String, Object> search = Map.of("from", "5.3575,-4.0083", "to", "6.8190,-5.2760", "date", day.toString(),
                "driver_rating", 4.5, "page_size", 100);

        assertThat(found(search)).doesNotContain(upcoming);
        rated(ride.passengerToken(), ride.bookingId(), ride.driverId(), 5, null, null);
        assertThat(found(search)).as("still blind").doesNotContain(upcoming);
        rated(ride.driverToken(), ride.bookingId(), ride.passengerId(), 5, null, null);
        assertThat(found(search)).contains(upcoming);
        assertThat(found(Map.of("from", "5.3575,-4.0083", "to", "6.8190,-5.2760", "date", day.toString(),
                "driver_rating", 5, "page_size", 100))).contains(upcoming);
    }

    private static List<String> found(Map<String, Object> search) {
        Response response = Clients.anonymous().queryParams(search).get("/api/v1/trips/search");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getList("data.id", String.class);
    }

    @Test
    void theRatingsOfAUserComeNewestFirstPageByPage() {
        TripRef trip = BookingFixtures.trip(3, true, Duration.ofDays(3));
        List<String> ids = new ArrayList<>();
        for (Ride ride : completedBookings(trip, 3)) {
            ids.add(0, rated(ride.passengerToken(), ride.bookingId(), ride.driverId(), 3, null, null).getString("data.id"));
            rated(ride.driverToken(), ride.bookingId(), ride.passengerId(), 5, null, null);
        }
        JsonPath first = ratingsOf(trip.driver().id(), "page_size", 2);
        assertThat(first.getList("data.ratings.id", String.class)).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.getInt("meta.pagination.total")).isEqualTo(3);
        assertThat(first.getInt("meta.pagination.page_count")).isEqualTo(2);
        JsonPath second = ratingsOf(trip.driver().id(), "page_size", 2, "page", 2);
        assertThat(second.getList("data.ratings.id", String.class)).containsExactly(ids.get(2));
        assertThat(second.getInt("data.summary.count")).isEqualTo(3);
    }

    @Test
    void moderatorsHideACommentAndKeepItsStars() {
        Ride ride = completedRide();
        String id = rated(ride.passengerToken(), ride.bookingId(), ride.driverId(), 1, "Appelez le 0701020304", null)
                .getString("data.id");
        String silent = rated(ride.driverToken(), ride.bookingId(), ride.passengerId(), 5, null, null)
                .getString("data.id");
        String support = TestTokens.forAdmin("support");
        String path = "/api/v1/admin/ratings/" + id;

        assertError(Clients.withToken(TestTokens.forAdmin("ops")).body(Clients.json(Map.of("comment_hidden", true,
                "reason", "phone number"))).patch(path), 403, "forbidden");
        assertError(Clients.withToken(support).body(Clients.json(Map.of("comment_hidden", true))).patch(path), 400,
                "validation_error");
        assertError(Clients.withToken(support).body(Clients.json(Map.of("comment_hidden", true, "reason", "spam")))
                .patch("/api/v1/admin/ratings/" + UUID.randomUUID()), 404, "not_found");
        Response noComment = Clients.withToken(support).body(Clients.json(Map.of("comment_hidden", true,
                "reason", "nothing"))).patch("/api/v1/admin/ratings/" + silent);
        assertError(noComment, 409, "conflict");
        assertThat(reason(noComment)).isEqualTo("no_comment");

        Response hidden = Clients.withToken(support).body(Clients.json(Map.of("comment_hidden", true,
                "reason", "phone number in the comment"))).patch(path);
        assertThat(hidden.statusCode()).as(hidden.asString()).isEqualTo(200);
        assertThat(hidden.jsonPath().getBoolean("data.comment_hidden")).isTrue();
        assertThat(hidden.jsonPath().getString("data.comment")).as("moderators still read it")
                .isEqualTo("Appelez le 0701020304");
        assertThat(hidden.jsonPath().getString("data.comment_hidden_reason")).isEqualTo("phone number in the comment");

        JsonPath shown = ratingsOf(ride.driverId());
        assertThat(shown.getString("data.ratings[0].comment")).isNull();
        assertThat(shown.getBoolean("data.ratings[0].comment_hidden")).isTrue();
        assertThat(shown.getInt("data.ratings[0].stars")).isEqualTo(1);
        assertThat(decimal(shown, "data.summary.average")).isEqualByComparingTo("1.0");
        assertThat(average(ride.driverId())).isEqualTo("1.00");
        assertThat(Db.value(String.class, "SELECT meta->>'reason' FROM audit_logs WHERE action = 'rating.comment_hidden' "
                + "AND entity = 'ratings' AND entity_id = ?::uuid AND actor_type = 'admin'", id))
                .isEqualTo("phone number in the comment");

        JsonPath listed = Clients.withToken(TestTokens.forAdmin("compliance"))
                .queryParams(Map.of("to_user_id", ride.driverId().toString(), "comment_hidden", "true", "stars", 1,
                        "created_at_gte", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .get("/api/v1/admin/ratings").jsonPath();
        assertThat(listed.getList("data.id", String.class)).containsExactly(id);
        assertThat(Clients.withToken(support).queryParams(Map.of("from_user_id", ride.driverId().toString()))
                .get("/api/v1/admin/ratings").jsonPath().getList("data.id", String.class)).containsExactly(silent);
        assertError(Clients.withToken(support).queryParam("hidden_by", "me").get("/api/v1/admin/ratings"), 400,
                "validation_error");

        Response unhidden = Clients.withToken(TestTokens.forAdmin("super")).body(Clients.json(Map.of(
                "comment_hidden", false, "reason", "the number was the driver's office"))).patch(path);
        assertThat(unhidden.statusCode()).as(unhidden.asString()).isEqualTo(200);
        assertThat(ratingsOf(ride.driverId()).getString("data.ratings[0].comment")).isEqualTo("Appelez le 0701020304");
        assertThat(audits("rating.comment_shown", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void blindRatingsAreListedForModeratorsOnly() {
        Ride ride = completedRide();
        String id = rated(ride.passengerToken(), ride.bookingId(), ride.driverId(), 3, "Moyen", List.of("friendly"))
                .getString("data.id");
        JsonPath listed = Clients.withToken(TestTokens.forAdmin("support"))
                .queryParam("booking_id", ride.bookingId()).get("/api/v1/admin/ratings").jsonPath();
        assertThat(listed.getList("data.id", String.class)).containsExactly(id);
        assertThat(listed.getString("data[0].revealed_at")).isNull();
        assertThat(listed.getList("data[0].tags", String.class)).containsExactly("friendly");
        assertThat(ratingsOf(ride.driverId()).getList("data.ratings")).isEmpty();
    }
}
