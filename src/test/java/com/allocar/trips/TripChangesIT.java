package com.allocar.trips;

import static com.allocar.trips.TripFixtures.TRIPS;
import static com.allocar.trips.TripFixtures.action;
import static com.allocar.trips.TripFixtures.approvedDriver;
import static com.allocar.trips.TripFixtures.assertError;
import static com.allocar.trips.TripFixtures.assertInvalid;
import static com.allocar.trips.TripFixtures.create;
import static com.allocar.trips.TripFixtures.example;
import static com.allocar.trips.TripFixtures.patch;
import static com.allocar.trips.TripFixtures.post;
import static com.allocar.trips.TripFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.trips.TripFixtures.Driver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TRIP-2, TRIP-6: what a driver may change, when, and within which prices; deletion; stops; my trips. */
class TripChangesIT {

    @Test
    void aTripChangesFreelyUntilABookingIsPaid() {
        Driver driver = approvedDriver();
        JsonPath trip = create(driver.token(), example(6));
        String id = trip.getString("data.id");
        long version = trip.getLong("data.version");
        String later = TripFixtures.departure(7);

        assertError(patch(driver.token(), id, Map.of("price_per_seat", 7000, "version", version + 5)), 409, "conflict");
        JsonPath changed = patch(driver.token(), id, Map.of("price_per_seat", 7000, "departure_time", later,
                "rules", "Non-fumeur, pas d'animaux", "luggage_policy", "", "version", version,
                "origin", Map.of("text", "Abidjan, Plateau (gare)")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(changed.getInt("data.price_per_seat")).isEqualTo(7000);
        assertThat(Instant.parse(changed.getString("data.departure_time"))).isEqualTo(Instant.parse(later));
        assertThat(Instant.parse(changed.getString("data.arrival_eta")))
                .isEqualTo(Instant.parse(later).plusSeconds(changed.getInt("data.duration_s")));
        assertThat(changed.getString("data.rules")).isEqualTo("Non-fumeur, pas d'animaux");
        assertThat(changed.getString("data.luggage_policy")).isNull();
        assertThat(changed.getString("data.origin.text")).isEqualTo("Abidjan, Plateau (gare)");
        assertThat(changed.getLong("data.version")).isGreaterThan(version);

        TripFixtures.booking(id, "pending", 1);
        patch(driver.token(), id, Map.of("price_per_seat", 6500)).then().statusCode(200);
        TripFixtures.booking(id, "paid", 2);
        for (Map<String, Object> refused : List.<Map<String, Object>>of(Map.of("price_per_seat", 6000),
                Map.of("departure_time", TripFixtures.departure(8)),
                Map.of("destination", Map.of("lat", 6.83, "lon", -5.29)))) {
            Response response = patch(driver.token(), id, refused);
            assertError(response, 409, "conflict");
            assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo("paid_bookings");
        }
        assertError(action(driver.token(), id, "stops", "[]"), 409, "conflict");
        JsonPath still = patch(driver.token(), id, Map.of("rules", "Musique douce", "allow_auto_accept", false))
                .then().statusCode(200).extract().jsonPath();
        assertThat(still.getString("data.rules")).isEqualTo("Musique douce");
        assertThat(still.getInt("data.price_per_seat")).isEqualTo(6500);

        Response tooFew = patch(driver.token(), id, Map.of("seats_offered", 1));
        assertInvalid(tooFew, "seats_offered");
        assertThat(tooFew.jsonPath().getInt("error.details.seats_taken")).isEqualTo(2);
        JsonPath seats = patch(driver.token(), id, Map.of("seats_offered", 4)).then().statusCode(200).extract().jsonPath();
        assertThat(seats.getInt("data.seats_offered")).isEqualTo(4);
        assertThat(seats.getInt("data.seats_available")).isEqualTo(2);
        assertInvalid(patch(driver.token(), id, Map.of("seats_offered", 5)), "seats_offered");
        JsonPath free = patch(driver.token(), id, Map.of("seats_available", 1)).then().statusCode(200).extract().jsonPath();
        assertThat(free.getInt("data.seats_offered")).isEqualTo(3);
        assertThat(free.getInt("data.seats_available")).isEqualTo(1);
        assertThat(TripFixtures.auditActions(id)).startsWith("trip.create", "trip.update", "trip.update");
    }

    @Test
    void deletionOnlyWithoutPaidBookings() {
        Driver driver = approvedDriver();
        String free = create(driver.token(), example(3)).getString("data.id");
        Clients.withToken(driver.token()).delete(TRIPS + "/" + free).then().statusCode(204);
        assertError(Clients.withToken(driver.token()).get(TRIPS + "/" + free), 404, "not_found");
        assertThat(TripFixtures.auditActions(free)).containsExactly("trip.create", "trip.delete");

        String booked = create(driver.token(), example(3)).getString("data.id");
        TripFixtures.booking(booked, "pending", 1);
        Clients.withToken(driver.token()).delete(TRIPS + "/" + booked).then().statusCode(204);
        JsonPath kept = Clients.withToken(driver.token()).get(TRIPS + "/" + booked).then().statusCode(200).extract().jsonPath();
        assertThat(kept.getString("data.status")).as("kept for its bookings").isEqualTo("cancelled");

        String paid = create(driver.token(), example(3)).getString("data.id");
        TripFixtures.booking(paid, "paid", 1);
        Response refused = Clients.withToken(driver.token()).delete(TRIPS + "/" + paid);
        assertError(refused, 409, "conflict");
        assertThat(refused.jsonPath().getString("error.details.reason")).isEqualTo("paid_bookings");
        assertThat(Clients.anonymous().get(TRIPS + "/" + paid).jsonPath().getString("data.status")).isEqualTo("published");
    }

    @Test
    void stopsAreReplacedInOrderAndVisibleLikeTheTrip() {
        Driver driver = approvedDriver();
        String id = create(driver.token(), with(example(3), "status", "draft")).getString("data.id");
        String stops = "[{\"lat\": 5.8167, \"lon\": -4.6167, \"label\": \"Tiassalé\", \"dropoff_allowed\": false}, "
                + "{\"lat\": 6.1333, \"lon\": -5.0, \"text\": \"Toumodi\"}]";
        JsonPath replaced = action(driver.token(), id, "stops", stops).then().statusCode(200).extract().jsonPath();
        assertThat(replaced.getList("data.label")).containsExactly("Tiassalé", "Toumodi");
        assertThat(replaced.getList("data.order")).containsExactly(1, 2);
        assertThat(replaced.getList("data.dropoff_allowed")).containsExactly(false, true);
        assertThat(replaced.getList("data.pickup_allowed")).containsExactly(true, true);
        assertError(Clients.anonymous().get(TRIPS + "/" + id + "/stops"), 404, "not_found");
        JsonPath mine = Clients.withToken(driver.token()).get(TRIPS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("data.stops.label")).containsExactly("Tiassalé", "Toumodi");

        String reordered = "[{\"lat\": 6.1333, \"lon\": -5.0, \"label\": \"Toumodi\"}, "
                + "{\"lat\": 5.8167, \"lon\": -4.6167, \"label\": \"Tiassalé\"}, {\"lat\": 6.5, \"lon\": -5.1, \"label\": \"Kossou\"}]";
        action(driver.token(), id, "stops", reordered).then().statusCode(200);
        action(driver.token(), id, "publish", null).then().statusCode(200);
        JsonPath visible = Clients.anonymous().get(TRIPS + "/" + id + "/stops").then().statusCode(200).extract().jsonPath();
        assertThat(visible.getList("data.label")).containsExactly("Toumodi", "Tiassalé", "Kossou");

        assertInvalid(action(driver.token(), id, "stops", "[{\"lat\": 91, \"lon\": -5.0, \"label\": \"x\"}]"), "stops[0].lat");
        assertInvalid(action(driver.token(), id, "stops", "[{\"lat\": 6.1, \"lon\": -5.0, \"label\": \"a\"}, "
                + "{\"lat\": 6.1, \"lon\": -5.0, \"label\": \"b\"}]"), "stops[1]");
        assertInvalid(action(driver.token(), id, "stops", "[{\"lat\": 5.3575, \"lon\": -4.0083, \"label\": \"a\"}]"), "stops[0]");
        String nine = "[" + String.join(",", java.util.Collections.nCopies(9, "{\"lat\": 6.1, \"lon\": -5.0, \"label\": \"a\"}")) + "]";
        assertInvalid(action(driver.token(), id, "stops", nine), "stops");
        action(driver.token(), id, "stops", "[]").then().statusCode(200);
        assertThat(Clients.anonymous().get(TRIPS + "/" + id + "/stops").jsonPath().getList("data")).isEmpty();
        assertThat(TripFixtures.auditActions(id)).contains("trip.stops_replace");
    }

    @Test
    void pricesStayWithinTheFloorAndCeilingOfTheirAxis() {
        Driver driver = approvedDriver();
        Response expensive = post(driver.token(), with(example(3), "price_per_seat", 12000));
        assertInvalid(expensive, "price_per_seat");
        assertThat(expensive.jsonPath().getString("error.details.fields.price_per_seat"))
                .contains("3000", "10000", "Abidjan–Yamoussoukro");
        assertThat(expensive.jsonPath().getInt("error.details.price_range.floor")).isEqualTo(3000);
        assertThat(expensive.jsonPath().getInt("error.details.price_range.ceiling")).isEqualTo(10000);

        Map<String, Object> back = with(with(example(3), "origin", TripFixtures.place(TripFixtures.YAMOUSSOUKRO, "Yamoussoukro")),
                "destination", TripFixtures.place(TripFixtures.PLATEAU, "Abidjan"));
        assertInvalid(post(driver.token(), with(back, "price_per_seat", 2000)), "price_per_seat");
        String id = create(driver.token(), with(back, "price_per_seat", 3000)).getString("data.id");
        assertInvalid(patch(driver.token(), id, Map.of("price_per_seat", 10001)), "price_per_seat");
        patch(driver.token(), id, Map.of("price_per_seat", 10000)).then().statusCode(200);

        double[] elsewhere = {9.45, -5.63};
        create(driver.token(), with(with(example(3), "destination", TripFixtures.place(elsewhere, "Korhogo")),
                "price_per_seat", 25000));
    }

    @Test
    void myTripsFilteredSortedAndPaged() {
        Driver driver = approvedDriver();
        String first = create(driver.token(), example(2)).getString("data.id");
        String second = create(driver.token(), with(example(4), "status", "draft")).getString("data.id");
        String third = create(driver.token(), example(6)).getString("data.id");
        create(approvedDriver().token(), example(3));

        JsonPath all = Clients.withToken(driver.token()).queryParam("mine", "true").get(TRIPS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("data.id")).containsExactly(third, second, first);
        assertThat(all.getInt("meta.pagination.total")).isEqualTo(3);

        JsonPath drafts = Clients.withToken(driver.token()).queryParam("mine", "true").queryParam("status", "in:draft,cancelled")
                .get(TRIPS).then().statusCode(200).extract().jsonPath();
        assertThat(drafts.getList("data.id")).containsExactly(second);
        JsonPath window = Clients.withToken(driver.token()).queryParam("mine", "true")
                .queryParam("departure_time_gte", TripFixtures.departure(3)).queryParam("sort", "departure_time")
                .get(TRIPS).then().statusCode(200).extract().jsonPath();
        assertThat(window.getList("data.id")).containsExactly(second, third);
        JsonPath page = Clients.withToken(driver.token()).queryParam("mine", "true").queryParam("page_size", 2)
                .queryParam("page", 2).queryParam("sort", "created_at").get(TRIPS).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("data.id")).containsExactly(third);
        assertThat(page.getInt("meta.pagination.page_count")).isEqualTo(2);

        assertInvalid(Clients.withToken(driver.token()).get(TRIPS), "mine");
        assertInvalid(Clients.withToken(driver.token()).queryParam("mine", "true").queryParam("sort", "price").get(TRIPS), "sort");
        assertInvalid(Clients.withToken(driver.token()).queryParam("mine", "true").queryParam("colour", "red").get(TRIPS), "colour");
        assertInvalid(Clients.withToken(driver.token()).queryParam("mine", "true").queryParam("status", "gone").get(TRIPS), "status");
    }
}
