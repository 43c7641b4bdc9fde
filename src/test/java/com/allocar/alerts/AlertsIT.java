package com.allocar.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.notifications.PushFixtures;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.FcmStandIn;
import com.allocar.testsupport.ItServer;
import com.allocar.testsupport.TestTokens;
import com.allocar.trips.TripFixtures;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 6: {@code /me/alerts} and their notices. A trip published between Abidjan Plateau and Yamoussoukro,
 * with a stop at Toumodi, is matched through its legs like the search; each matching user is told once for the trip.
 */
class AlertsIT {
    private static final String ALERTS = "/api/v1/me/alerts";
    private static final double[] PLATEAU = {5.3575, -4.0083};
    private static final double[] YAMOUSSOUKRO = {6.8190, -5.2760};
    private static final double[] TOUMODI = {6.5570, -5.0190};
    private static final double[] BOUAKE = {7.6900, -5.0300};
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final FcmStandIn fcm = FcmStandIn.start();

    @BeforeAll
    static void server() {
        ItServer.awaitReady();
    }

    @Test
    void aPublishedTripTellsEachMatchingUserOnceAndNobodyElse() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        UUID toYamoussoukro = TestTokens.newUser();
        UUID toToumodi = TestTokens.newUser();
        UUID toBouake = TestTokens.newUser();
        UUID otherDay = TestTokens.newUser();
        UUID tooManySeats = TestTokens.newUser();
        String device = PushFixtures.device(toYamoussoukro);
        created(toYamoussoukro, alert(near(PLATEAU), YAMOUSSOUKRO, 20, day, day, 1));
        // a second alert of the same user matching the same trip: still one notice
        created(toYamoussoukro, alert(PLATEAU, YAMOUSSOUKRO, 50, day.minusDays(1), day.plusDays(1), 2));
        created(toToumodi, alert(PLATEAU, TOUMODI, 10, day, day, 1));
        created(toBouake, alert(PLATEAU, BOUAKE, 30, day, day, 1));
        created(otherDay, alert(PLATEAU, YAMOUSSOUKRO, 30, day.plusDays(2), day.plusDays(4), 1));
        created(tooManySeats, alert(PLATEAU, YAMOUSSOUKRO, 30, day, day, 4));

        TripFixtures.Driver driver = TripFixtures.approvedDriver();
        created(driver.id(), alert(PLATEAU, YAMOUSSOUKRO, 30, day, day, 1));
        Map<String, Object> body = TripFixtures.example(3);
        body.put("departure_time", day.atTime(9, 0).toInstant(ZoneOffset.UTC).toString());
        body.put("seats_available", 3);
        body.put("stops", List.of(Map.of("lat", TOUMODI[0], "lon", TOUMODI[1], "label", "Toumodi")));
        String trip = TripFixtures.create(driver.token(), body).getString("data.id");
        String event = "trip_alert:" + trip;

        FcmStandIn.eventually(() -> told(event, toYamoussoukro) && told(event, toToumodi) ? true : null, WAIT,
                () -> "the matching users told");
        List<FcmStandIn.Push> pushed = fcm.awaitDeliveredTo(device, 1, WAIT);
        assertThat(pushed.get(0).data()).containsEntry("trip_id", trip).containsEntry("kind", "trip_alert");
        assertThat(pushed.get(0).body()).contains("Yamoussoukro");

        // the trip changes (a new price): nobody is told twice, nobody new is told for the old reasons
        Response changed = Clients.withToken(driver.token()).body(Clients.json(Map.of("price_per_seat", 6500)))
                .patch("/api/v1/trips/" + trip);
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        FcmStandIn.eventually(() -> Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key = ?",
                event) == 2L ? true : null, WAIT, () -> "two users told");
        assertThat(fcm.requestsTo(device)).hasSize(1);
        for (UUID nobody : List.of(toBouake, otherDay, tooManySeats, driver.id())) {
            assertThat(told(event, nobody)).as("not told: " + nobody).isFalse();
        }
    }

    @Test
    void alertsAreTheirOwnersAndCheckedAndLimited() {
        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        String id = created(user, alert(PLATEAU, YAMOUSSOUKRO, 25, day, day.plusDays(2), 2));
        var listed = Clients.withToken(token).get(ALERTS).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.id")).containsExactly(id);
        assertThat(listed.getDouble("data[0].to.lat")).isEqualTo(YAMOUSSOUKRO[0]);
        assertThat(listed.getInt("data[0].seats")).isEqualTo(2);

        String stranger = TestTokens.forNewUser();
        assertThat(Clients.withToken(stranger).get(ALERTS).jsonPath().getList("data")).isEmpty();
        assertThat(Clients.withToken(stranger).delete(ALERTS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(Clients.anonymous().get(ALERTS).statusCode()).isEqualTo(401);

        assertThat(post(token, alert(PLATEAU, YAMOUSSOUKRO, 101, day, day, 1)).statusCode()).isEqualTo(400);
        assertThat(post(token, alert(new double[] {95, 0}, YAMOUSSOUKRO, 10, day, day, 1)).statusCode()).isEqualTo(400);
        assertThat(post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day.minusDays(1), 1)).statusCode()).isEqualTo(400);
        assertThat(post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day.minusDays(30), day.minusDays(10), 1)).statusCode())
                .isEqualTo(400);
        assertThat(post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day.plusDays(91), 1)).statusCode()).isEqualTo(400);
        assertThat(post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day, 9)).statusCode()).isEqualTo(400);
        Response invalid = post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day.minusDays(1), 1));
        assertThat(invalid.jsonPath().getString("error.code")).isEqualTo("validation_error");

        int limit = Integer.parseInt(Db.value(String.class, "SELECT value::text FROM settings WHERE key = "
                + "'alerts.max_per_user'"));
        for (int i = 1; i < limit; i++) {
            created(user, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day, 1));
        }
        Response over = post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day, 1));
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(over.jsonPath().getString("error.details.reason")).isEqualTo("alert_limit");

        assertThat(Clients.withToken(token).delete(ALERTS + "/" + id).statusCode()).isEqualTo(204);
        assertThat(Clients.withToken(token).delete(ALERTS + "/" + id).statusCode()).isEqualTo(404);
        assertThat(post(token, alert(PLATEAU, YAMOUSSOUKRO, 10, day, day, 1)).statusCode()).as("room again")
                .isEqualTo(201);
    }

    private static boolean told(String event, UUID user) {
        return Db.value(Long.class, "SELECT count(*) FROM notification_events WHERE event_key = ? AND user_id = ?",
                event, user) == 1L;
    }

    /** A point about 3 km from {@code point}. */
    private static double[] near(double[] point) {
        return new double[] {point[0] + 0.02, point[1] + 0.02};
    }

    private static Map<String, Object> alert(double[] from, double[] to, int radiusKm, LocalDate dateFrom,
                                             LocalDate dateTo, int seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", Map.of("lat", from[0], "lon", from[1], "label", "Départ"));
        body.put("to", Map.of("lat", to[0], "lon", to[1], "label", "Arrivée"));
        body.put("radius_km", radiusKm);
        body.put("date_from", dateFrom.toString());
        body.put("date_to", dateTo.toString());
        body.put("seats", seats);
        return body;
    }

    private static Response post(String token, Map<String, Object> body) {
        return Clients.withToken(token).body(Clients.json(body)).post(ALERTS);
    }

    private static String created(UUID user, Map<String, Object> body) {
        Response response = post(TestTokens.forUser(user), body);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith(response.jsonPath().getString("data.id"));
        return response.jsonPath().getString("data.id");
    }
}
