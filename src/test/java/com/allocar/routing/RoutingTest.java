package com.allocar.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.allocar.platform.geo.GeoPoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private static final GeoPoint PLATEAU = new GeoPoint(5.3575, -4.0083);
    private static final GeoPoint YAMOUSSOUKRO = new GeoPoint(6.819, -5.276);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void haversineDistancesAreRight() {
        assertThat(new GeoPoint(0, 0).metersTo(new GeoPoint(0, 1))).isCloseTo(111_195, within(1.0));
        assertThat(new GeoPoint(0, 179.5).metersTo(new GeoPoint(0, -179.5))).isCloseTo(111_195, within(1.0));
        assertThat(new GeoPoint(90, 0).metersTo(new GeoPoint(-90, 0))).isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_M, within(1.0));
        assertThat(PLATEAU.metersTo(YAMOUSSOUKRO)).isCloseTo(214_000, within(2_000.0));
        assertThat(PLATEAU.metersTo(PLATEAU)).isZero();
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGreatCircleEstimateAddsTheDetourAndDrivesAtTheAverageSpeed() {
        RouteEstimate estimate = GreatCircle.estimate(List.of(PLATEAU, YAMOUSSOUKRO));
        double road = PLATEAU.metersTo(YAMOUSSOUKRO) * 1.2;
        assertThat(estimate.distanceM()).isEqualTo((int) Math.round(road));
        assertThat(estimate.durationS()).isEqualTo((int) Math.round(road / (70_000 / 3600.0)));
        assertThat(estimate.source()).isEqualTo("great_circle");
        GeoPoint toumodi = new GeoPoint(6.55, -5.02);
        assertThat(GreatCircle.estimate(List.of(PLATEAU, toumodi, YAMOUSSOUKRO)).distanceM())
                .isEqualTo((int) Math.round((PLATEAU.metersTo(toumodi) + toumodi.metersTo(YAMOUSSOUKRO)) * 1.2));
        assertThatThrownBy(() -> GreatCircle.estimate(List.of(PLATEAU))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void osrmIsAskedLongitudeFirstAndItsAnswerRead() {
        assertThat(OsrmRouter.coordinates(List.of(PLATEAU, YAMOUSSOUKRO))).isEqualTo("-4.008300,5.357500;-5.276000,6.819000");
        RouteEstimate route = OsrmRouter.read(json("{\"code\": \"Ok\", \"routes\": [{\"distance\": 231456.7, \"duration\": 11700.4}]}"));
        assertThat(route).isEqualTo(new RouteEstimate(231_457, 11_700, "osrm"));
        for (String answer : List.of("{\"code\": \"NoRoute\", \"routes\": []}", "{\"code\": \"Ok\", \"routes\": []}",
                "{\"code\": \"Ok\"}", "{\"routes\": [{\"distance\": 1, \"duration\": 1}]}",
                "{\"code\": \"Ok\", \"routes\": [{\"distance\": -1, \"duration\": 1}]}")) {
            assertThatThrownBy(() -> OsrmRouter.read(json(answer))).as(answer).isInstanceOf(OsrmRouter.NoRouteException.class);
        }
    }

    @Test
    void fallbacksAreCountedByReason() {
        assertThat(OsrmFallback.reason(new TimeoutException())).isEqualTo("timeout");
        assertThat(OsrmFallback.reason(new CircuitBreakerOpenException())).isEqualTo("circuit_open");
        assertThat(OsrmFallback.reason(new OsrmRouter.NoRouteException("x"))).isEqualTo("no_route");
        assertThat(OsrmFallback.reason(new RuntimeException())).isEqualTo("error");
    }
}
