package com.allocar.trips;

import static com.allocar.trips.TripFixtures.action;
import static com.allocar.trips.TripFixtures.approvedDriver;
import static com.allocar.trips.TripFixtures.between;
import static com.allocar.trips.TripFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.geo.GeoPoint;
import com.allocar.routing.GreatCircle;
import com.allocar.routing.RouteEstimate;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.OsrmStandIn;
import com.allocar.trips.TripFixtures.Driver;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TRIP-5: distance, duration and arrival from OSRM (the stand-in), and the great-circle estimate when OSRM fails,
 * times out or finds no route. Each test routes between points of its own, so its stubs touch no other trip.
 */
class TripRoutingIT {
    private final Driver driver = approvedDriver();

    private static double[] abidjan() {
        return OsrmStandIn.point(5.35, -4.00);
    }

    private static double[] yamoussoukro() {
        return OsrmStandIn.point(6.82, -5.28);
    }

    private static RouteEstimate greatCircle(double[]... points) {
        return GreatCircle.estimate(Arrays.stream(points).map(p -> new GeoPoint(p[0], p[1])).toList());
    }

    private static void assertRoute(JsonPath trip, int distance, int duration) {
        assertThat(trip.getInt("data.distance_m")).isEqualTo(distance);
        assertThat(trip.getInt("data.duration_s")).isEqualTo(duration);
        assertThat(Instant.parse(trip.getString("data.arrival_eta")))
                .isEqualTo(Instant.parse(trip.getString("data.departure_time")).plusSeconds(duration));
    }

    @Test
    void theRouteComesFromOsrmThroughEveryStopInOrder() {
        double[] from = abidjan();
        double[] to = yamoussoukro();
        OsrmStandIn.route(231_457, 11_321, from, to);
        JsonPath trip = create(driver.token(), between(from, to, 3));
        assertRoute(trip, 231_457, 11_321);
        assertThat(OsrmStandIn.requests(from, to)).as("asked once, longitude first").isEqualTo(1);

        double[] stop = OsrmStandIn.point(6.13, -5.00);
        OsrmStandIn.route(240_001, 12_002, from, stop, to);
        String id = trip.getString("data.id");
        action(driver.token(), id, "stops", "[{\"lat\": " + stop[0] + ", \"lon\": " + stop[1] + ", \"label\": \"Toumodi\"}]")
                .then().statusCode(200);
        assertRoute(Clients.anonymous().get(TripFixtures.TRIPS + "/" + id).jsonPath(), 240_001, 12_002);

        double[] elsewhere = yamoussoukro();
        OsrmStandIn.route(250_003, 13_004, from, stop, elsewhere);
        JsonPath moved = TripFixtures.patch(driver.token(), id, Map.of("destination",
                Map.of("lat", elsewhere[0], "lon", elsewhere[1], "text", "Yamoussoukro, gare"))).then().statusCode(200)
                .extract().jsonPath();
        assertRoute(moved, 250_003, 13_004);
        assertThat(moved.getString("data.destination.text")).isEqualTo("Yamoussoukro, gare");
    }

    @Test
    void anOsrmErrorFallsBackToTheGreatCircle() {
        double[] from = abidjan();
        double[] to = yamoussoukro();
        OsrmStandIn.fail(503, from, to);
        RouteEstimate expected = greatCircle(from, to);
        assertRoute(create(driver.token(), between(from, to, 3)), expected.distanceM(), expected.durationS());
        assertThat(OsrmStandIn.requests(from, to)).isEqualTo(1);
    }

    @Test
    void noRouteFallsBackToTheGreatCircle() {
        double[] from = abidjan();
        double[] to = yamoussoukro();
        OsrmStandIn.noRoute(from, to);
        RouteEstimate expected = greatCircle(from, to);
        assertRoute(create(driver.token(), between(from, to, 3)), expected.distanceM(), expected.durationS());
        String metrics = Clients.anonymous().accept("text/plain").get("/metrics").asString();
        assertThat(metrics).contains("routing_fallbacks_total").contains("reason=\"no_route\"");
    }

    @Test
    void aSlowOsrmIsGivenUpAfterTwoSeconds() {
        double[] from = abidjan();
        double[] to = yamoussoukro();
        OsrmStandIn.delay(4_000, from, to);
        RouteEstimate expected = greatCircle(from, to);
        Instant start = Instant.now();
        JsonPath trip = create(driver.token(), between(from, to, 3));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(3_900));
        assertRoute(trip, expected.distanceM(), expected.durationS());
        assertThat(List.of(trip.getString("data.status"))).containsExactly("published");
    }
}
