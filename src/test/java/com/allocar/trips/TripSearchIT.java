package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.Db;
import com.allocar.testsupport.ItServer;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TRIP-3: matching through ends and stops in order, every filter, sorting, pagination and validation. */
class TripSearchIT {
    private SearchArea area;
    private UUID driver;
    private UUID car;

    @BeforeAll
    static void server() {
        ItServer.awaitReady();
    }

    @BeforeEach
    void newArea() throws Exception {
        area = SearchArea.fresh();
        driver = SearchArea.driver("Awa", 4.6, true);
        car = SearchArea.vehicle(driver, "comfort");
    }

    private SearchArea.TripSpec trip() {
        return new SearchArea.TripSpec(driver, car);
    }

    private Response search(Map<String, ?> query) {
        return Clients.anonymous().queryParams(query).get("/api/v1/trips/search");
    }

    /** A search from near the area's origin place to near the place 150 km east, tomorrow. */
    private Map<String, Object> eastbound(Object... more) {
        Map<String, Object> query = new java.util.LinkedHashMap<>();
        query.put("from", area.param(1, 1));
        query.put("to", area.param(0, 149));
        query.put("date", SearchArea.tomorrow());
        for (int i = 0; i < more.length; i += 2) {
            query.put((String) more[i], more[i + 1]);
        }
        return query;
    }

    private List<String> ids(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getList("data.id", String.class);
    }

    @Test
    void aTripMatchesWhenBothEndsAreWithinTheRadiusAndCarriesItsDetails() throws Exception {
        UUID inside = area.trip(trip());
        UUID tooFarAtTheEnd = area.trip(trip().to(0, 190));
        UUID tooFarAtTheStart = area.trip(trip().from(30, 0));

        Response response = search(eastbound());
        assertThat(ids(response)).containsExactly(inside.toString());

        JsonPath hit = response.jsonPath().setRootPath("data[0]");
        assertThat(hit.getString("driver.first_name")).isEqualTo("Awa");
        assertThat(hit.getFloat("driver.rating")).isEqualTo(4.6f);
        assertThat(hit.getBoolean("driver.verified")).isTrue();
        assertThat(hit.getString("vehicle.make")).isEqualTo("Toyota");
        assertThat(hit.getString("vehicle.comfort_level")).isEqualTo("comfort");
        assertThat(hit.getInt("distance_m")).isEqualTo(150000);
        assertThat(hit.getInt("duration_s")).isEqualTo(7200);
        assertThat(hit.getString("arrival_eta")).isNotBlank();
        assertThat(hit.getString("pickup.kind")).isEqualTo("origin");
        assertThat(hit.getString("dropoff.kind")).isEqualTo("destination");
        // from is 1 km north and 1 km east of the origin: about 1.41 km on foot
        assertThat(hit.getInt("pickup.walking_distance_m")).isBetween(1380, 1450);
        assertThat(hit.getInt("dropoff.walking_distance_m")).isBetween(980, 1020);
        assertThat(hit.getString("currency")).isEqualTo("XOF");

        assertThat(ids(search(eastbound("radius_km", 50)))).containsExactlyInAnyOrder(
                inside.toString(), tooFarAtTheEnd.toString(), tooFarAtTheStart.toString());
    }

    @Test
    void stopsMatchOnlyInTheirOrderAndAsTheyAllow() throws Exception {
        // West (-100 km) to east (+250 km), through the origin place (pickup only) and the 150 km place (drop-off only).
        UUID through = area.trip(trip().from(0, -100).to(0, 250)
                .stop(0, 0, "Carrefour", true, false)
                .stop(0, 150, "Gare", false, true));
        // The same road, but the stops allow nothing.
        area.trip(trip().from(0, -100).to(0, 250)
                .stop(0, 0, "Carrefour", false, false)
                .stop(0, 150, "Gare", false, false));

        Response eastward = search(eastbound());
        assertThat(ids(eastward)).containsExactly(through.toString());
        JsonPath hit = eastward.jsonPath().setRootPath("data[0]");
        assertThat(hit.getString("pickup.kind")).isEqualTo("stop");
        assertThat(hit.getInt("pickup.stop_order")).isEqualTo(1);
        assertThat(hit.getString("pickup.text")).isEqualTo("Carrefour");
        assertThat(hit.getString("dropoff.kind")).isEqualTo("stop");
        assertThat(hit.getString("dropoff.text")).isEqualTo("Gare");

        Response westward = search(Map.of("from", area.param(0, 149), "to", area.param(1, 1), "date", SearchArea.tomorrow()));
        assertThat(ids(westward)).as("a trip never takes a passenger backwards").isEmpty();
    }

    @Test
    void aTripMatchingThroughSeveralPointsIsListedOnceWithTheClosest() throws Exception {
        UUID trip = area.trip(trip().from(0, -10).to(0, 160)
                .stop(0, 2, "Près", true, true)
                .stop(0, 146, "Avant", true, true));
        Response response = search(eastbound());
        assertThat(ids(response)).containsExactly(trip.toString());
        assertThat(response.jsonPath().getString("data[0].pickup.text")).isEqualTo("Près");
        assertThat(response.jsonPath().getString("data[0].dropoff.text")).isEqualTo("Avant");
        assertThat(response.jsonPath().getInt("meta.pagination.total")).isEqualTo(1);
    }

    @Test
    void onlyPublishedTripsOfActiveDriversWithFreeSeatsThatHaveNotLeft() throws Exception {
        UUID published = area.trip(trip());
        area.trip(trip().status("draft"));
        area.trip(trip().status("cancelled"));
        area.trip(trip().seats(0));
        UUID otherDriver = SearchArea.driver("Koffi", 4.0, false);
        UUID suspendedLater = area.trip(new SearchArea.TripSpec(otherDriver, SearchArea.vehicle(otherDriver, "basic")));
        assertThat(ids(search(eastbound()))).containsExactlyInAnyOrder(published.toString(), suspendedLater.toString());

        SearchArea.sql("UPDATE users SET status = 'suspended', suspended_at = now() WHERE id = ?", otherDriver);
        assertThat(ids(search(eastbound("seats", 1)))).as("a suspended driver's trips are hidden")
                .containsExactly(published.toString());

        Instant now = Instant.now();
        UUID soon = area.trip(trip().leaving(now.plus(40, ChronoUnit.MINUTES)));
        area.trip(trip().leaving(now.minus(20, ChronoUnit.MINUTES)));
        Map<String, Object> window = Map.of("from", area.param(1, 1), "to", area.param(0, 149),
                "departure_after", now.minus(2, ChronoUnit.HOURS).toString(),
                "departure_before", now.plus(2, ChronoUnit.HOURS).toString());
        assertThat(ids(search(window))).as("a trip that has left is not offered").containsExactly(soon.toString());
    }

    @Test
    void everyFilterNarrowsTheResults() throws Exception {
        UUID cheapBasic = area.trip(trip().price(3000).comfort("basic").seats(1));
        UUID midStandard = area.trip(trip().price(5000).comfort("standard").seats(2));
        UUID dearComfort = area.trip(trip().price(9000).comfort("comfort").seats(4));
        UUID lowRated = SearchArea.driver("Yao", 3.2, false);
        UUID lowRatedTrip = area.trip(new SearchArea.TripSpec(lowRated, SearchArea.vehicle(lowRated, "standard")).price(5000));
        UUID dayAfter = area.trip(trip().leaving(SearchArea.tomorrowAt(8).plus(1, ChronoUnit.DAYS)));

        assertThat(ids(search(eastbound()))).containsExactlyInAnyOrder(cheapBasic.toString(), midStandard.toString(),
                dearComfort.toString(), lowRatedTrip.toString());
        assertThat(ids(search(eastbound("seats", 2)))).containsExactlyInAnyOrder(midStandard.toString(), dearComfort.toString(),
                lowRatedTrip.toString());
        assertThat(ids(search(eastbound("price_min", 4000, "price_max", 6000))))
                .containsExactlyInAnyOrder(midStandard.toString(), lowRatedTrip.toString());
        assertThat(ids(search(eastbound("comfort", "basic")))).containsExactly(cheapBasic.toString());
        assertThat(ids(search(eastbound("driver_rating", 4.5)))).containsExactlyInAnyOrder(cheapBasic.toString(),
                midStandard.toString(), dearComfort.toString());
        assertThat(ids(search(eastbound("date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()))))
                .containsExactly(dayAfter.toString());
    }

    @Test
    void sortsAndPagesWithTheirMetadata() throws Exception {
        UUID early = area.trip(trip().leaving(SearchArea.tomorrowAt(6)).price(7000).from(0, 3));
        UUID middle = area.trip(trip().leaving(SearchArea.tomorrowAt(9)).price(4000).from(0, 10));
        UUID late = area.trip(trip().leaving(SearchArea.tomorrowAt(15)).price(5500).from(0, 1));

        assertThat(ids(search(eastbound()))).as("departure time by default")
                .containsExactly(early.toString(), middle.toString(), late.toString());
        assertThat(ids(search(eastbound("sort", "-departure_time"))))
                .containsExactly(late.toString(), middle.toString(), early.toString());
        assertThat(ids(search(eastbound("sort", "price_per_seat"))))
                .containsExactly(middle.toString(), late.toString(), early.toString());
        assertThat(ids(search(eastbound("sort", "-price_per_seat"))))
                .containsExactly(early.toString(), late.toString(), middle.toString());
        assertThat(ids(search(eastbound("sort", "distance"))))
                .containsExactly(late.toString(), early.toString(), middle.toString());

        Response first = search(eastbound("page_size", 2));
        assertThat(ids(first)).containsExactly(early.toString(), middle.toString());
        assertThat(first.jsonPath().getInt("meta.pagination.total")).isEqualTo(3);
        assertThat(first.jsonPath().getInt("meta.pagination.page_count")).isEqualTo(2);
        assertThat(first.jsonPath().getInt("meta.pagination.page_size")).isEqualTo(2);
        Response second = search(eastbound("page_size", 2, "page", 2));
        assertThat(ids(second)).containsExactly(late.toString());
        assertThat(second.jsonPath().getInt("meta.pagination.page")).isEqualTo(2);
        Response beyond = search(eastbound("page_size", 2, "page", 5));
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.jsonPath().getInt("meta.pagination.total")).as("the total even past the last page").isEqualTo(3);
    }

    @Test
    void badQueriesAreValidationErrorsNamingTheParameter() {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Map<Map<String, Object>, String> cases = Map.of(
                eastbound("from", "91,0"), "from",
                eastbound("to", "5.3"), "to",
                eastbound("from", "abc,def"), "from",
                eastbound("date", yesterday), "date",
                eastbound("date", "2026-13-01"), "date",
                eastbound("radius_km", 150), "radius_km",
                eastbound("colour", "red"), "colour",
                eastbound("sort", "driver"), "sort",
                eastbound("price_min", 6000, "price_max", 5000), "price_max",
                eastbound("departure_after", Instant.now().toString()), "date");
        cases.forEach((query, field) -> {
            Response response = search(query);
            assertThat(response.statusCode()).as(query + " → " + response.asString()).isEqualTo(400);
            assertThat(response.jsonPath().getString("error.code")).isEqualTo("validation_error");
            Map<String, Object> fields = response.jsonPath().getMap("error.details.fields");
            assertThat(fields).as(query.toString()).containsKey(field);
        });
        Response missing = Clients.anonymous().get("/api/v1/trips/search");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.jsonPath().getMap("error.details.fields"))
                .containsKeys("from", "to");
    }

    /** The legs table follows every change of the trip row, its stops and its driver (page_size varies the cache key). */
    @Test
    void theSearchFollowsChangesToTheTripItsStopsAndItsDriver() throws Exception {
        UUID trip = area.trip(trip().price(5000).seats(2));
        assertThat(ids(search(eastbound("page_size", 10, "seats", 2)))).containsExactly(trip.toString());

        SearchArea.sql("UPDATE trips SET seats_available = 1 WHERE id = ?", trip);
        assertThat(ids(search(eastbound("page_size", 11, "seats", 2)))).as("a seat taken").isEmpty();
        assertThat(ids(search(eastbound("page_size", 12)))).containsExactly(trip.toString());

        SearchArea.sql("UPDATE trips SET price_per_seat = 8000 WHERE id = ?", trip);
        assertThat(ids(search(eastbound("page_size", 13, "price_max", 6000)))).as("a new price").isEmpty();

        SearchArea.sql("UPDATE trips SET departure_time = departure_time + interval '1 day', "
                + "arrival_eta = arrival_eta + interval '1 day' WHERE id = ?", trip);
        assertThat(ids(search(eastbound("page_size", 14)))).as("a new departure day").isEmpty();
        assertThat(ids(search(eastbound("page_size", 15, "date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString()))))
                .containsExactly(trip.toString());

        SearchArea.sql("INSERT INTO trip_stops (trip_id, stop_order, point, label) "
                + "VALUES (?, 1, ST_MakePoint(?, ?)::geography, 'Nord')", trip, area.at(100, 0)[1], area.at(100, 0)[0]);
        Map<String, Object> fromTheStop = Map.of("from", area.param(100, 0), "to", area.param(0, 149), "page_size", 16,
                "date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        assertThat(ids(search(fromTheStop))).as("a new stop").containsExactly(trip.toString());

        SearchArea.sql("UPDATE users SET rating_avg = 2.5 WHERE id = ?", driver);
        assertThat(ids(search(Map.of("from", area.param(100, 0), "to", area.param(0, 149), "page_size", 17,
                "date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "driver_rating", 3)))).as("a new rating").isEmpty();

        SearchArea.sql("UPDATE trips SET status = 'cancelled', cancelled_at = now() WHERE id = ?", trip);
        assertThat(ids(search(Map.of("from", area.param(100, 0), "to", area.param(0, 149), "page_size", 18,
                "date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())))).as("cancelled").isEmpty();
    }

    /**
     * The cells only preselect, so they must never miss: every point of the circle lies in one of the cells
     * {@code search_grid_cells} lists, on its edge too, at any latitude up to the poles, across the antimeridian and
     * for every radius the API allows.
     */
    @Test
    void theGridCellsOfACircleHoldEveryPointOfIt() {
        Long missed = Db.value(Long.class, """
                WITH seeded AS (SELECT setseed(0.25)),
                circles AS (
                    SELECT i, lat, lon, radius_m
                    FROM seeded, generate_series(1, 400) AS i,
                         LATERAL (SELECT CASE WHEN i % 4 = 0 THEN 89.9 * (2 * random() - 1) ELSE 4 + 7 * random() END AS lat,
                                         CASE WHEN i % 5 = 0 THEN 179.9 * sign(random() - 0.5) ELSE 360 * random() - 180 END AS lon,
                                         100 + 99900 * random() AS radius_m) c
                ),
                points AS (
                    -- half inside the circle, half on its edge (where a bound 0.1 % short misses)
                    SELECT c.*, ST_Project(ST_MakePoint(c.lon, c.lat)::geography,
                                           c.radius_m * CASE WHEN k % 2 = 0 THEN sqrt(random()) ELSE 0.9999999 END,
                                           2 * pi() * random()) AS point
                    FROM circles c, generate_series(1, 60) AS k
                )
                SELECT count(*) FROM points
                WHERE NOT (search_grid_cell(point) = ANY (search_grid_cells(lat, lon, radius_m)))""");
        assertThat(missed).isZero();
        assertThat(Db.value(String.class, "SELECT search_grid_cells(5.3, -4.0, 25000)::text"))
                .as("Abidjan, 25 km: 3 rows of 2 cells, row by row").isEqualTo("{3800703,3800704,3810703,3810704,3820703,3820704}");
        assertThat(Db.value(String.class, "SELECT search_grid_cells(0.1, 179.95, 10000)::text"))
                .as("the columns wrap at the antimeridian").isEqualTo("{3601439,3600000}");
    }
}
