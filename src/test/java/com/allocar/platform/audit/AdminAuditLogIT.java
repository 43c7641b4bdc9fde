package com.allocar.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /admin/audit-logs}: pagination metadata, sorting, filters and their validation (API-5), and
 * the roles of section 14 (super and ops read; the others may not).
 */
class AdminAuditLogIT {
    private static final Instant BASE = Instant.parse("2026-01-10T08:00:00Z");
    private UUID entityId;

    @BeforeEach
    void fiveEntriesAboutOneBooking() throws Exception {
        entityId = UUID.randomUUID();
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement insert = db.prepareStatement("INSERT INTO audit_logs "
                     + "(actor_type, actor_id, action, entity, entity_id, meta, created_at) "
                     + "VALUES (?, ?, ?, 'bookings', ?, ?::jsonb, ?)")) {
            for (int i = 0; i < 5; i++) {
                insert.setString(1, i == 4 ? "system" : "user");
                insert.setObject(2, i == 4 ? null : UUID.randomUUID());
                insert.setString(3, "booking.step" + i);
                insert.setObject(4, entityId);
                insert.setString(5, "{\"step\": " + i + "}");
                insert.setTimestamp(6, Timestamp.from(BASE.plus(i, ChronoUnit.HOURS)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String admin(String role) {
        return TestTokens.forAdmin(role);
    }

    private Response list(String token, String query) {
        return Clients.withToken(token).get("/api/v1/admin/audit-logs?entity_id=" + entityId + query);
    }

    @Test
    void paginatesWithMetadata() {
        JsonPath page = list(admin("super"), "&page=3&page_size=2").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("meta.pagination.page")).isEqualTo(3);
        assertThat(page.getInt("meta.pagination.page_size")).isEqualTo(2);
        assertThat(page.getInt("meta.pagination.total")).isEqualTo(5);
        assertThat(page.getInt("meta.pagination.page_count")).isEqualTo(3);
        assertThat(page.getList("data")).hasSize(1);
        assertThat(page.getString("data[0].action")).isEqualTo("booking.step0");
    }

    @Test
    void sortsNewestFirstByDefaultAndAsAsked() {
        List<String> newestFirst = list(admin("super"), "").jsonPath().getList("data.action");
        assertThat(newestFirst).containsExactly("booking.step4", "booking.step3", "booking.step2", "booking.step1",
                "booking.step0");
        List<String> oldestFirst = list(admin("super"), "&sort=created_at").jsonPath().getList("data.action");
        assertThat(oldestFirst).containsExactly("booking.step0", "booking.step1", "booking.step2", "booking.step3",
                "booking.step4");
    }

    @Test
    void filtersByPeriodActorTypeAndIn() {
        assertThat(list(admin("ops"), "&created_at_gte=2026-01-10T09:00:00Z&created_at_lte=2026-01-10T11:00:00Z")
                .jsonPath().getList("data.action")).containsExactly("booking.step3", "booking.step2", "booking.step1");
        assertThat(list(admin("ops"), "&actor_type=system").jsonPath().getList("data.action"))
                .containsExactly("booking.step4");
        assertThat(list(admin("ops"), "&action=in:booking.step0,booking.step2&sort=action")
                .jsonPath().getList("data.action")).containsExactly("booking.step0", "booking.step2");
        JsonPath entry = list(admin("ops"), "&action=booking.step1").jsonPath();
        assertThat(entry.getInt("data[0].meta.step")).isEqualTo(1);
        assertThat(entry.getString("data[0].actor_type")).isEqualTo("user");
        assertThat(entry.getString("data[0].created_at")).isEqualTo("2026-01-10T09:00:00Z");
    }

    @Test
    void unknownOrMalformedQueriesAreValidationErrors() {
        Response unknownFilter = list(admin("super"), "&colour=red");
        assertThat(unknownFilter.statusCode()).isEqualTo(400);
        assertThat(unknownFilter.jsonPath().getString("error.code")).isEqualTo("validation_error");
        assertThat(unknownFilter.jsonPath().getString("error.details.fields.colour")).isNotBlank();

        Response unknownSort = list(admin("super"), "&sort=-password_hash");
        assertThat(unknownSort.statusCode()).isEqualTo(400);
        assertThat(unknownSort.jsonPath().getString("error.details.fields.sort")).isNotBlank();

        Response badValues = list(admin("super"), "&actor_type=robot&created_at_gte=yesterday&page_size=500");
        assertThat(badValues.statusCode()).isEqualTo(400);
        assertThat(badValues.jsonPath().getMap("error.details.fields"))
                .containsKeys("actor_type", "created_at_gte", "page_size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"support", "finance", "compliance"})
    void otherAdminRolesAreForbidden(String role) {
        Response response = list(admin(role), "");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("forbidden");
    }

    @Test
    void usersAreForbiddenAndAnonymousMustSignIn() {
        assertThat(list(TestTokens.forNewUser(), "").statusCode()).isEqualTo(403);
        Response anonymous = Clients.anonymous().get("/api/v1/admin/audit-logs");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.jsonPath().getString("error.code")).isEqualTo("auth_required");
    }
}
