package com.allocar.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** VEH-1: a driver's own vehicles over HTTP, with the rules on plates, ownership, validation and deletion. */
class VehiclesIT {
    private static final String VEHICLES = "/api/v1/vehicles";

    /** A plate nobody else in the run uses, in its normal form: two letters, four digits, two letters. */
    private static String newPlate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        return "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()))
                + String.format("%06d", random.nextInt(1_000_000))
                + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
    }

    /** The plate as people write it: lower case with dashes (AB123456CD → ab-123456-cd). */
    private static String dashed(String plate) {
        return (plate.substring(0, 2) + "-" + plate.substring(2, 8) + "-" + plate.substring(8)).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> body(String plate) {
        Map<String, Object> body = new HashMap<>();
        body.put("make", "Toyota");
        body.put("model", "Corolla");
        body.put("plate_number", plate);
        body.put("seats_total", 4);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    private static Response post(String token, Map<String, Object> body) {
        return Clients.withToken(token).body(Clients.json(body)).post(VEHICLES);
    }

    private static JsonPath create(String token, Map<String, Object> body) {
        return post(token, body).then().statusCode(201).extract().jsonPath();
    }

    private static Response patch(String token, String id, Map<String, Object> body) {
        return Clients.withToken(token).body(Clients.json(body)).patch(VEHICLES + "/" + id);
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo(code);
        assertThat(response.jsonPath().getString("meta.request_id")).isNotBlank();
    }

    private static void assertInvalid(Response response, String field) {
        assertError(response, 400, "validation_error");
        assertThat(response.jsonPath().getMap("error.details.fields")).as(response.asString()).containsKey(field);
    }

    private static List<String> auditActions(UUID entityId, UUID actor) throws Exception {
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement query = db.prepareStatement("SELECT action FROM audit_logs WHERE entity_id = ? "
                     + "AND actor_type = 'user' AND actor_id = ? ORDER BY created_at, action")) {
            query.setObject(1, entityId);
            query.setObject(2, actor);
            List<String> actions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
            return actions;
        }
    }

    private static long vehicleRows(String sql, Object parameter) throws Exception {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void createGetPatchDeleteAndTheFirstVehicleMakesADriver() throws Exception {
        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getBoolean("data.is_driver")).isFalse();

        String plate = newPlate();
        Response created = post(token, with(with(body(dashed(plate)), "color", " Gris "), "year", 2019));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        JsonPath vehicle = created.jsonPath();
        String id = vehicle.getString("data.id");
        assertThat(created.header("Location")).endsWith(VEHICLES + "/" + id);
        assertThat(vehicle.getString("data.plate_number")).isEqualTo(plate);
        assertThat(vehicle.getString("data.make")).isEqualTo("Toyota");
        assertThat(vehicle.getString("data.model")).isEqualTo("Corolla");
        assertThat(vehicle.getString("data.color")).isEqualTo("Gris");
        assertThat(vehicle.getInt("data.seats_total")).isEqualTo(4);
        assertThat(vehicle.getString("data.comfort_level")).as("default comfort").isEqualTo("standard");
        assertThat(vehicle.getInt("data.year")).isEqualTo(2019);
        assertThat(vehicle.getBoolean("data.verified")).isFalse();
        assertThat(vehicle.getString("data.created_at")).endsWith("Z");
        assertThat(vehicle.getString("meta.request_id")).isNotBlank();
        assertThat(vehicleRows("SELECT count(*) FROM vehicles WHERE plate_number = ?", plate)).isEqualTo(1);

        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getBoolean("data.is_driver"))
                .as("the first vehicle makes the user a driver").isTrue();

        JsonPath fetched = Clients.withToken(token).get(VEHICLES + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(fetched.getString("data.plate_number")).isEqualTo(plate);

        JsonPath patched = patch(token, id, Map.of("color", "Bleu nuit", "seats_total", 3, "comfort_level", "comfort"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(patched.getString("data.color")).isEqualTo("Bleu nuit");
        assertThat(patched.getInt("data.seats_total")).isEqualTo(3);
        assertThat(patched.getString("data.comfort_level")).isEqualTo("comfort");
        assertThat(patched.getString("data.make")).as("absent fields are unchanged").isEqualTo("Toyota");
        assertThat(patched.getString("data.plate_number")).isEqualTo(plate);
        assertThat(patched.getInt("data.year")).isEqualTo(2019);

        String newPlate = newPlate();
        JsonPath replated = patch(token, id, Map.of("plate_number", newPlate.toLowerCase(Locale.ROOT).replaceAll("(..)", "$1 "),
                "color", "")).then().statusCode(200).extract().jsonPath();
        assertThat(replated.getString("data.plate_number")).isEqualTo(newPlate);
        assertThat(replated.getString("data.color")).as("an empty colour clears it").isNull();

        Response deleted = Clients.withToken(token).delete(VEHICLES + "/" + id);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertError(Clients.withToken(token).get(VEHICLES + "/" + id), 404, "not_found");
        assertError(Clients.withToken(token).delete(VEHICLES + "/" + id), 404, "not_found");
        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getBoolean("data.is_driver"))
                .as("a driver stays a driver").isTrue();

        assertThat(auditActions(UUID.fromString(id), user))
                .containsExactly("vehicle.create", "vehicle.update", "vehicle.update", "vehicle.delete");
        assertThat(auditActions(user, user)).containsOnlyOnce("user.become_driver");
    }

    @Test
    void theSecondVehicleLeavesTheDriverAsIs() throws Exception {
        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        create(token, body(newPlate()));
        create(token, body(newPlate()));
        assertThat(auditActions(user, user)).containsOnlyOnce("user.become_driver");
        assertThat(vehicleRows("SELECT count(*) FROM vehicles WHERE user_id = ?", user)).isEqualTo(2);
    }

    @Test
    void listPaginatesSortsAndFilters() {
        String token = TestTokens.forNewUser();
        String first = create(token, with(with(body(newPlate()), "make", "Peugeot"), "comfort_level", "basic")).getString("data.id");
        String second = create(token, with(with(body(newPlate()), "make", "Hyundai"), "comfort_level", "comfort")).getString("data.id");
        String third = create(token, with(with(body(newPlate()), "make", "Toyota"), "comfort_level", "comfort")).getString("data.id");

        JsonPath all = Clients.withToken(token).get(VEHICLES).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("data.id")).as("newest first by default").containsExactly(third, second, first);
        assertThat(all.getInt("meta.pagination.total")).isEqualTo(3);

        JsonPath page1 = Clients.withToken(token).get(VEHICLES + "?page_size=2&sort=make").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("data.make")).containsExactly("Hyundai", "Peugeot");
        assertThat(page1.getInt("meta.pagination.page")).isEqualTo(1);
        assertThat(page1.getInt("meta.pagination.page_size")).isEqualTo(2);
        assertThat(page1.getInt("meta.pagination.total")).isEqualTo(3);
        assertThat(page1.getInt("meta.pagination.page_count")).isEqualTo(2);
        JsonPath page2 = Clients.withToken(token).get(VEHICLES + "?page_size=2&page=2&sort=make").then().statusCode(200).extract().jsonPath();
        assertThat(page2.getList("data.make")).containsExactly("Toyota");
        JsonPath page3 = Clients.withToken(token).get(VEHICLES + "?page_size=2&page=3").then().statusCode(200).extract().jsonPath();
        assertThat(page3.getList("data")).isEmpty();

        JsonPath descending = Clients.withToken(token).get(VEHICLES + "?sort=-make").then().statusCode(200).extract().jsonPath();
        assertThat(descending.getList("data.make")).containsExactly("Toyota", "Peugeot", "Hyundai");
        JsonPath byPlate = Clients.withToken(token).get(VEHICLES + "?sort=plate_number,-created_at").then().statusCode(200).extract().jsonPath();
        List<String> plates = byPlate.getList("data.plate_number");
        assertThat(plates).isSorted();

        JsonPath comfort = Clients.withToken(token).get(VEHICLES + "?comfort_level=comfort&sort=created_at").then().statusCode(200).extract().jsonPath();
        assertThat(comfort.getList("data.id")).containsExactly(second, third);
        assertThat(comfort.getInt("meta.pagination.total")).isEqualTo(2);
        JsonPath either = Clients.withToken(token).get(VEHICLES + "?comfort_level=in:basic,standard").then().statusCode(200).extract().jsonPath();
        assertThat(either.getList("data.id")).containsExactly(first);

        assertInvalid(Clients.withToken(token).get(VEHICLES + "?color=red"), "color");
        assertInvalid(Clients.withToken(token).get(VEHICLES + "?user_id=" + UUID.randomUUID()), "user_id");
        assertInvalid(Clients.withToken(token).get(VEHICLES + "?sort=year"), "sort");
        assertInvalid(Clients.withToken(token).get(VEHICLES + "?comfort_level=luxury"), "comfort_level");
        assertInvalid(Clients.withToken(token).get(VEHICLES + "?page_size=101"), "page_size");
        assertInvalid(Clients.withToken(token).get(VEHICLES + "?page=0"), "page");
    }

    @Test
    void anotherUsersVehicleIsNotFoundAndNotListed() throws Exception {
        String owner = TestTokens.forNewUser();
        String plate = newPlate();
        String id = create(owner, body(plate)).getString("data.id");
        String stranger = TestTokens.forNewUser();
        create(stranger, body(newPlate()));

        Response missing = Clients.withToken(stranger).get(VEHICLES + "/" + UUID.randomUUID());
        Response theirs = Clients.withToken(stranger).get(VEHICLES + "/" + id);
        assertError(missing, 404, "not_found");
        assertError(theirs, 404, "not_found");
        assertThat(theirs.jsonPath().getString("error.message")).as("indistinguishable from a missing vehicle")
                .isEqualTo(missing.jsonPath().getString("error.message"));
        assertError(patch(stranger, id, Map.of("color", "Rose")), 404, "not_found");
        assertError(Clients.withToken(stranger).delete(VEHICLES + "/" + id), 404, "not_found");
        JsonPath strangersList = Clients.withToken(stranger).get(VEHICLES).then().statusCode(200).extract().jsonPath();
        assertThat(strangersList.getList("data.id")).doesNotContain(id).hasSize(1);
        assertThat(strangersList.getInt("meta.pagination.total")).isEqualTo(1);

        JsonPath untouched = Clients.withToken(owner).get(VEHICLES + "/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(untouched.getString("data.color")).isNull();
        assertThat(vehicleRows("SELECT count(*) FROM vehicles WHERE plate_number = ?", plate)).isEqualTo(1);
    }

    @Test
    void aPlateIsUniqueHoweverItIsWritten() {
        String plate = newPlate();
        String first = TestTokens.forNewUser();
        create(first, body(dashed(plate)));

        String second = TestTokens.forNewUser();
        String spaced = plate.substring(0, 2) + " " + plate.substring(2, 8) + " " + plate.substring(8);
        Response duplicate = post(second, body(spaced));
        assertError(duplicate, 409, "conflict");
        assertThat(duplicate.jsonPath().getString("error.details.field")).isEqualTo("plate_number");
        assertError(post(first, body(plate.toLowerCase(Locale.ROOT))), 409, "conflict");

        String other = create(second, body(newPlate())).getString("data.id");
        Response renamed = patch(second, other, Map.of("plate_number", dashed(plate)));
        assertError(renamed, 409, "conflict");
        assertThat(renamed.jsonPath().getString("error.details.field")).isEqualTo("plate_number");
        assertThat(Clients.withToken(second).get(VEHICLES + "/" + other).jsonPath().getString("data.plate_number"))
                .isNotEqualTo(plate);

        String own = Clients.withToken(second).get(VEHICLES + "/" + other).jsonPath().getString("data.plate_number");
        patch(second, other, Map.of("plate_number", dashed(own), "make", "Kia")).then().statusCode(200);
    }

    @Test
    void concurrentRegistrationsOfOnePlateGiveOneVehicleAndConflicts() throws Exception {
        String plate = newPlate();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(TestTokens.forNewUser());
        }
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(token, body(dashed(plate))).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(vehicleRows("SELECT count(*) FROM vehicles WHERE plate_number = ?", plate)).isEqualTo(1);
    }

    @Test
    void everyRuleIsAValidationErrorOnItsField() throws Exception {
        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        Map<String, Object> valid = body(newPlate());
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;

        assertInvalid(post(token, without(valid, "make")), "make");
        assertInvalid(post(token, with(valid, "make", "   ")), "make");
        assertInvalid(post(token, with(valid, "make", "M".repeat(61))), "make");
        assertInvalid(post(token, without(valid, "model")), "model");
        assertInvalid(post(token, with(valid, "model", "C".repeat(61))), "model");
        assertInvalid(post(token, with(valid, "color", "c".repeat(41))), "color");
        assertInvalid(post(token, without(valid, "plate_number")), "plate_number");
        assertInvalid(post(token, with(valid, "plate_number", "AB-1")), "plate_number");
        assertInvalid(post(token, with(valid, "plate_number", "ABCDEF-1234567")), "plate_number");
        assertInvalid(post(token, with(valid, "plate_number", "AB_123_CD")), "plate_number");
        assertInvalid(post(token, without(valid, "seats_total")), "seats_total");
        assertInvalid(post(token, with(valid, "seats_total", 0)), "seats_total");
        assertInvalid(post(token, with(valid, "seats_total", 9)), "seats_total");
        assertInvalid(post(token, with(valid, "comfort_level", "luxury")), "comfort_level");
        assertInvalid(post(token, with(valid, "year", 1949)), "year");
        assertInvalid(post(token, with(valid, "year", nextYear + 1)), "year");
        assertInvalid(post(token, with(valid, "verified", true)), "verified");
        Response several = post(token, with(with(valid, "seats_total", 12), "make", ""));
        assertInvalid(several, "seats_total");
        assertInvalid(several, "make");
        assertThat(Clients.withToken(token).body("{\"make\": ").post(VEHICLES).statusCode()).isEqualTo(400);
        assertThat(Clients.withToken(token).post(VEHICLES).statusCode()).as("no body").isEqualTo(400);

        assertThat(vehicleRows("SELECT count(*) FROM vehicles WHERE user_id = ?", user)).as("nothing written").isZero();
        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getBoolean("data.is_driver")).isFalse();

        JsonPath created = create(token, with(valid, "year", nextYear));
        assertThat(created.getInt("data.year")).isEqualTo(nextYear);
        String id = created.getString("data.id");
        assertInvalid(patch(token, id, Map.of("make", "")), "make");
        assertInvalid(patch(token, id, Map.of("model", "  ")), "model");
        assertInvalid(patch(token, id, Map.of("plate_number", "A.B")), "plate_number");
        assertInvalid(patch(token, id, Map.of("seats_total", 0)), "seats_total");
        assertInvalid(patch(token, id, Map.of("seats_total", 9)), "seats_total");
        assertInvalid(patch(token, id, Map.of("comfort_level", "premium")), "comfort_level");
        assertInvalid(patch(token, id, Map.of("year", 1900)), "year");
        assertInvalid(patch(token, id, Map.of("verified", true)), "verified");
        assertInvalid(patch(token, id, Map.of("verified", false)), "verified");
        JsonPath unchanged = Clients.withToken(token).get(VEHICLES + "/" + id).jsonPath();
        assertThat(unchanged.getString("data.make")).isEqualTo("Toyota");
        assertThat(unchanged.getInt("data.seats_total")).isEqualTo(4);
        assertThat(unchanged.getBoolean("data.verified")).isFalse();
    }

    @Test
    void changingThePlateOfAVerifiedVehicleNeedsANewCheck() throws Exception {
        String token = TestTokens.forNewUser();
        String id = create(token, body(newPlate())).getString("data.id");
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement verify = db.prepareStatement("UPDATE vehicles SET verified = true WHERE id = ?")) {
            verify.setObject(1, UUID.fromString(id));
            verify.executeUpdate();
        }
        assertThat(patch(token, id, Map.of("color", "Noir")).jsonPath().getBoolean("data.verified")).isTrue();
        assertThat(patch(token, id, Map.of("plate_number", newPlate())).jsonPath().getBoolean("data.verified")).isFalse();
    }

    @Test
    void adminsAreForbiddenAndAnonymousCallersMustSignIn() {
        String owner = TestTokens.forNewUser();
        String id = create(owner, body(newPlate())).getString("data.id");
        String admin = TestTokens.forAdmin("super");
        assertError(Clients.withToken(admin).get(VEHICLES), 403, "forbidden");
        assertError(Clients.withToken(admin).body(Clients.json(body(newPlate()))).post(VEHICLES), 403, "forbidden");
        assertError(Clients.withToken(admin).get(VEHICLES + "/" + id), 403, "forbidden");
        assertError(patch(admin, id, Map.of("color", "Vert")), 403, "forbidden");
        assertError(Clients.withToken(admin).delete(VEHICLES + "/" + id), 403, "forbidden");

        assertError(Clients.anonymous().get(VEHICLES), 401, "auth_required");
        assertError(Clients.anonymous().body(Clients.json(body(newPlate()))).post(VEHICLES), 401, "auth_required");
        assertError(Clients.anonymous().get(VEHICLES + "/" + id), 401, "auth_required");
        assertError(Clients.anonymous().body(Clients.json(Map.of("color", "Vert"))).patch(VEHICLES + "/" + id), 401, "auth_required");
        assertError(Clients.anonymous().delete(VEHICLES + "/" + id), 401, "auth_required");
        Clients.withToken(owner).get(VEHICLES + "/" + id).then().statusCode(200);
    }

    @Test
    void aVehicleUsedByATripCannotBeDeleted() throws Exception {
        UUID driver = TestTokens.newUser();
        String token = TestTokens.forUser(driver);
        String id = create(token, body(newPlate())).getString("data.id");
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement trip = db.prepareStatement("INSERT INTO trips (driver_id, vehicle_id, origin_point, "
                     + "origin_text, destination_point, destination_text, departure_time, price_per_seat, seats_offered, "
                     + "seats_available, status, cancelled_at) VALUES (?, ?, ST_GeogFromText('SRID=4326;POINT(-4.0 5.3)'), "
                     + "'Abidjan', ST_GeogFromText('SRID=4326;POINT(-5.27 6.82)'), 'Yamoussoukro', "
                     + "now() - interval '3 days', 5000, 3, 3, 'cancelled', now())")) {
            trip.setObject(1, driver);
            trip.setObject(2, UUID.fromString(id));
            trip.executeUpdate();
        }
        Response refused = Clients.withToken(token).delete(VEHICLES + "/" + id);
        assertError(refused, 409, "conflict");
        Clients.withToken(token).get(VEHICLES + "/" + id).then().statusCode(200);
        patch(token, id, Map.of("color", "Blanc")).then().statusCode(200);
    }

    @Test
    void aRetriedRegistrationWithItsIdempotencyKeyIsReplayed() {
        String token = TestTokens.forNewUser();
        Map<String, Object> body = body(newPlate());
        String key = UUID.randomUUID().toString();
        Response first = Clients.withToken(token).header("Idempotency-Key", key).body(Clients.json(body)).post(VEHICLES);
        Response again = Clients.withToken(token).header("Idempotency-Key", key).body(Clients.json(body)).post(VEHICLES);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.jsonPath().getString("data.id")).isEqualTo(first.jsonPath().getString("data.id"));
        assertThat(Clients.withToken(token).get(VEHICLES).jsonPath().getInt("meta.pagination.total")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesEveryOutcome() {
        Map<String, Object> paths = Clients.anonymous().accept("application/json").get("/api/docs").jsonPath().getMap("paths");
        Map<String, Map<String, Object>> collection = (Map<String, Map<String, Object>>) paths.get(VEHICLES);
        Map<String, Map<String, Object>> item = (Map<String, Map<String, Object>>) paths.get(VEHICLES + "/{id}");
        Map<String, Set<String>> expected = Map.of(
                "get " + VEHICLES, Set.of("200", "400", "401", "403"),
                "post " + VEHICLES, Set.of("201", "400", "401", "403", "409"),
                "get " + VEHICLES + "/{id}", Set.of("200", "401", "403", "404"),
                "patch " + VEHICLES + "/{id}", Set.of("200", "400", "401", "403", "404", "409"),
                "delete " + VEHICLES + "/{id}", Set.of("204", "401", "403", "404", "409"));
        expected.forEach((operation, statuses) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            Map<String, Object> described = (operation.endsWith("{id}") ? item : collection).get(method);
            assertThat(described).as(operation).isNotNull();
            assertThat(((Map<String, Object>) described.get("responses")).keySet()).as(operation).containsAll(statuses);
            assertThat((List<String>) described.get("tags")).as(operation).contains("Vehicles");
            assertThat(described.get("security")).as(operation).isNotNull();
        });
        Map<String, Object> schemas = Clients.anonymous().accept("application/json").get("/api/docs").jsonPath()
                .getMap("components.schemas");
        assertThat(schemas).containsKeys("CreateVehicleRequest", "UpdateVehicleRequest", "VehicleView")
                .doesNotContainKey("Vehicle");
        Map<String, Object> create = (Map<String, Object>) ((Map<String, Object>) schemas.get("CreateVehicleRequest")).get("properties");
        assertThat(create).containsKeys("make", "model", "color", "plate_number", "seats_total", "comfort_level", "year")
                .as("verified is the back office's").doesNotContainKey("verified");
    }
}
