package com.allocar.trips;

import static com.allocar.trips.TripFixtures.TRIPS;
import static com.allocar.trips.TripFixtures.action;
import static com.allocar.trips.TripFixtures.approvedDriver;
import static com.allocar.trips.TripFixtures.assertError;
import static com.allocar.trips.TripFixtures.assertInvalid;
import static com.allocar.trips.TripFixtures.create;
import static com.allocar.trips.TripFixtures.example;
import static com.allocar.trips.TripFixtures.post;
import static com.allocar.trips.TripFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import com.allocar.trips.TripFixtures.Driver;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** TRIP-1, TRIP-2, KYC-3: creating, reading, publishing and cancelling trips, and who may do what. */
class TripsIT {

    @Test
    void theBodyOfExample13_1CreatesAPublishedTrip() {
        Driver driver = approvedDriver();
        Map<String, Object> body = example(3);
        Response response = Clients.withToken(driver.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Clients.json(body)).post(TRIPS);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        JsonPath trip = response.jsonPath();
        String id = trip.getString("data.id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.header("Location")).endsWith(TRIPS + "/" + id);
        assertThat(trip.getString("data.status")).isEqualTo("published");
        assertThat(trip.getDouble("data.origin.lat")).isEqualTo(5.3575);
        assertThat(trip.getDouble("data.origin.lon")).isEqualTo(-4.0083);
        assertThat(trip.getString("data.origin.text")).isEqualTo("Abidjan, Plateau");
        assertThat(trip.getString("data.destination.text")).isEqualTo("Yamoussoukro");
        assertThat(Instant.parse(trip.getString("data.departure_time"))).isEqualTo(Instant.parse((String) body.get("departure_time")));
        assertThat(trip.getInt("data.price_per_seat")).isEqualTo(6000);
        assertThat(trip.getString("data.currency")).isEqualTo("XOF");
        assertThat(trip.getInt("data.seats_offered")).isEqualTo(3);
        assertThat(trip.getInt("data.seats_available")).isEqualTo(3);
        assertThat(trip.getBoolean("data.allow_auto_accept")).isTrue();
        assertThat(trip.getString("data.luggage_policy")).isEqualTo("1 valise cabine");
        assertThat(trip.getString("data.rules")).isEqualTo("Non-fumeur");
        assertThat(trip.getString("data.vehicle.id")).as("the driver's only vehicle").isEqualTo(driver.vehicleId().toString());
        assertThat(trip.getString("data.comfort")).as("the vehicle's comfort").isEqualTo("comfort");
        assertThat(trip.getString("data.driver.id")).isEqualTo(driver.id().toString());
        assertThat(trip.getString("data.driver.phone")).as("no phone in public views").isNull();
        assertThat(trip.getInt("data.distance_m")).isPositive();
        assertThat(trip.getInt("data.duration_s")).isPositive();
        assertThat(Instant.parse(trip.getString("data.arrival_eta"))).isEqualTo(
                Instant.parse(trip.getString("data.departure_time")).plusSeconds(trip.getInt("data.duration_s")));
        assertThat(trip.getList("data.stops")).isEmpty();
        assertThat(trip.getString("data.created_at")).endsWith("Z");
        assertThat(trip.getLong("data.version")).isNotNull();
        assertThat(TripFixtures.auditActions(id)).containsExactly("trip.create");

        JsonPath anonymous = Clients.anonymous().get(TRIPS + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(anonymous.getString("data.status")).as("published trips are public").isEqualTo("published");
        JsonPath stops = Clients.anonymous().get(TRIPS + "/" + id + "/stops").then().statusCode(200).extract().jsonPath();
        assertThat(stops.getList("data")).isEmpty();
        assertThat(post(driver.token(), with(body, "seats_offered", 3)).statusCode()).as("seats_offered accepted too")
                .isEqualTo(201);
    }

    @Test
    void aDraftIsTheDriversUntilPublished() {
        Driver driver = approvedDriver();
        JsonPath draft = create(driver.token(), with(example(4), "status", "draft"));
        String id = draft.getString("data.id");
        assertThat(draft.getString("data.status")).isEqualTo("draft");
        assertError(Clients.anonymous().get(TRIPS + "/" + id), 404, "not_found");
        assertError(Clients.withToken(TestTokens.forNewUser()).get(TRIPS + "/" + id), 404, "not_found");
        assertError(Clients.withToken(TestTokens.forNewUser()).get(TRIPS + "/" + id + "/stops"), 404, "not_found");
        Clients.withToken(driver.token()).get(TRIPS + "/" + id).then().statusCode(200);

        JsonPath published = action(driver.token(), id, "publish", null).then().statusCode(200).extract().jsonPath();
        assertThat(published.getString("data.status")).isEqualTo("published");
        Clients.anonymous().get(TRIPS + "/" + id).then().statusCode(200);

        Response again = action(driver.token(), id, "publish", null);
        assertError(again, 409, "conflict");
        assertThat(again.jsonPath().getString("error.details.from")).isEqualTo("published");
        assertThat(again.jsonPath().getString("error.details.to")).isEqualTo("published");
        assertThat(TripFixtures.auditActions(id)).containsExactly("trip.create", "trip.publish");
    }

    @Test
    void cancellingKeepsTheTripForItsDriverWithTheReason() {
        Driver driver = approvedDriver();
        String id = create(driver.token(), example(5)).getString("data.id");
        assertInvalid(action(driver.token(), id, "cancel", "{}"), "reason");
        assertError(action(TestTokens.forNewUser(), id, "cancel", "{\"reason\": \"not mine\"}"), 404, "not_found");

        JsonPath cancelled = action(driver.token(), id, "cancel", "{\"reason\": \" Panne du véhicule \"}")
                .then().statusCode(200).extract().jsonPath();
        assertThat(cancelled.getString("data.status")).isEqualTo("cancelled");
        assertThat(cancelled.getString("data.cancel_reason")).isEqualTo("Panne du véhicule");
        assertThat(cancelled.getString("data.cancelled_at")).isNotNull();
        assertError(Clients.anonymous().get(TRIPS + "/" + id), 404, "not_found");
        Clients.withToken(driver.token()).get(TRIPS + "/" + id).then().statusCode(200);

        assertError(action(driver.token(), id, "cancel", "{\"reason\": \"twice\"}"), 409, "conflict");
        assertError(action(driver.token(), id, "publish", null), 409, "conflict");
        assertError(TripFixtures.patch(driver.token(), id, Map.of("price_per_seat", 5000)), 409, "conflict");
        assertThat(TripFixtures.auditActions(id)).containsExactly("trip.create", "trip.cancel");
    }

    @Test
    void publishingNeedsAnApprovedKyc() {
        Driver driver = TripFixtures.driverWithoutKyc();
        Response refused = post(driver.token(), example(3));
        assertError(refused, 403, "kyc_required");
        assertError(post(driver.token(), with(example(3), "status", "published")), 403, "kyc_required");

        String draft = create(driver.token(), with(example(3), "status", "draft")).getString("data.id");
        assertError(action(driver.token(), draft, "publish", null), 403, "kyc_required");

        TripFixtures.sql("INSERT INTO kyc_documents (user_id, doc_type, doc_number, front_key, status) "
                + "VALUES (?, 'cni', 'CI 2', 'kyc/x/front.jpg', 'pending')", driver.id());
        assertError(action(driver.token(), draft, "publish", null), 403, "kyc_required");
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        Driver driver = approvedDriver();
        String token = driver.token();
        Map<String, Object> body = example(3);
        assertInvalid(post(token, with(body, "origin", Map.of("lat", 95.0, "lon", -4.0, "text", "x"))), "origin.lat");
        assertInvalid(post(token, with(body, "destination", Map.of("lat", 6.8, "lon", -185.0, "text", "x"))), "destination.lon");
        assertInvalid(post(token, with(body, "destination", TripFixtures.place(TripFixtures.PLATEAU, "Same"))), "destination");
        assertInvalid(post(token, with(body, "departure_time", Instant.now().minus(Duration.ofHours(1)).toString())), "departure_time");
        assertInvalid(post(token, with(body, "departure_time", Instant.now().plus(Duration.ofMinutes(5)).toString())), "departure_time");
        assertInvalid(post(token, with(body, "vehicle_id", UUID.randomUUID().toString())), "vehicle_id");
        UUID someoneElses = TripFixtures.vehicle(TestTokens.newUser(), 4);
        assertInvalid(post(token, with(body, "vehicle_id", someoneElses.toString())), "vehicle_id");
        assertInvalid(post(token, with(body, "seats_available", 5)), "seats_available");
        assertInvalid(post(token, with(body, "seats_available", 0)), "seats_available");
        assertInvalid(post(token, with(body, "price_per_seat", -1)), "price_per_seat");
        assertInvalid(post(token, with(body, "price_per_seat", 6000.5)), "price_per_seat");
        assertInvalid(post(token, with(body, "comfort", "luxe")), "comfort");
        assertInvalid(post(token, with(body, "status", "ongoing")), "status");
        assertInvalid(post(token, TripFixtures.without(body, "seats_available")), "seats_available");
        assertInvalid(post(token, with(body, "stops", List.of(Map.of("lat", 6.1, "lon", -4.8)))), "stops[0].label");
        assertThat(post(token, with(body, "departure_time", "tomorrow")).jsonPath().getString("error.code"))
                .isEqualTo("validation_error");

        TripFixtures.vehicle(driver.id(), 3);
        assertInvalid(post(token, body), "vehicle_id");
        JsonPath chosen = create(token, with(body, "vehicle_id", driver.vehicleId().toString()));
        assertThat(chosen.getString("data.vehicle.id")).isEqualTo(driver.vehicleId().toString());

        Driver carless = approvedDriver();
        TripFixtures.sql("DELETE FROM vehicles WHERE id = ?", carless.vehicleId());
        assertInvalid(post(carless.token(), body), "vehicle_id");
        JsonPath draft = create(carless.token(), with(body, "status", "draft"));
        assertThat(draft.getString("data.vehicle")).isNull();
        assertInvalid(action(carless.token(), draft.getString("data.id"), "publish", null), "vehicle_id");
    }

    @Test
    void anotherUserCannotTouchMyTrip() {
        Driver driver = approvedDriver();
        String id = create(driver.token(), example(3)).getString("data.id");
        String other = TestTokens.forNewUser();
        assertError(TripFixtures.patch(other, id, Map.of("price_per_seat", 5000)), 404, "not_found");
        assertError(Clients.withToken(other).delete(TRIPS + "/" + id), 404, "not_found");
        assertError(action(other, id, "stops", "[]"), 404, "not_found");
        assertError(action(other, id, "publish", null), 404, "not_found");
        assertError(Clients.anonymous().body("{}").patch(TRIPS + "/" + id), 401, "auth_required");
        assertError(Clients.anonymous().body(Clients.json(example(3))).post(TRIPS), 401, "auth_required");
        assertError(Clients.anonymous().get(TRIPS + "/" + UUID.randomUUID()), 404, "not_found");
        assertThat(Clients.withToken(driver.token()).get(TRIPS + "/" + id).jsonPath().getInt("data.price_per_seat"))
                .isEqualTo(6000);
    }
}
