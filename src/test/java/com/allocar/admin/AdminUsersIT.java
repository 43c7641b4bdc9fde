package com.allocar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.platform.security.PasswordHasher;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADM-1 and the users part of ADM-2: admin sign-in, search, suspension that takes effect at once. */
class AdminUsersIT {

    private static String newAdminWithPassword(String role, String password) throws Exception {
        String email = "admin-" + UUID.randomUUID() + "@allocar.test";
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO admin_users (email, password_hash, role) VALUES (?, ?, ?)")) {
            insert.setString(1, email);
            insert.setString(2, new PasswordHasher().hash(password));
            insert.setString(3, role);
            insert.executeUpdate();
        }
        return email;
    }

    @Test
    void adminSignInGivesATokenCarryingTheRole() throws Exception {
        String email = newAdminWithPassword("compliance", "Admin-Pass-2026!");
        JsonPath signedIn = Clients.anonymous().body(Clients.json(Map.of("email", email.toUpperCase(), "password", "Admin-Pass-2026!")))
                .post("/api/v1/admin/login").then().statusCode(200).extract().jsonPath();
        assertThat(signedIn.getString("data.admin.role")).isEqualTo("compliance");
        String token = signedIn.getString("data.access_token");
        assertThat(Clients.withToken(token).get("/api/v1/admin/users").statusCode()).isEqualTo(200);
        assertThat(Clients.withToken(token).get("/api/v1/admin/audit-logs").statusCode())
                .as("compliance may not read the audit log").isEqualTo(403);
        assertThat(Clients.withToken(token).get("/api/v1/me").statusCode()).as("an admin is not a user").isEqualTo(403);

        JsonPath refreshed = Clients.anonymous().body(Clients.json(Map.of("refresh_token", signedIn.getString("data.refresh_token"))))
                .post("/api/v1/auth/token/refresh").then().statusCode(200).extract().jsonPath();
        assertThat(refreshed.getString("data.admin.role")).isEqualTo("compliance");
    }

    @Test
    void wrongAdminPasswordIsRefused() throws Exception {
        String email = newAdminWithPassword("ops", "Admin-Pass-2026!");
        Response wrong = Clients.anonymous().body(Clients.json(Map.of("email", email, "password", "nope-nope")))
                .post("/api/v1/admin/login");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.jsonPath().getString("error.code")).isEqualTo("auth_required");
    }

    @Test
    void searchByPhoneAndStatusWithPagination() {
        UUID user = TestTokens.newUser();
        String phone = Clients.withToken(TestTokens.forUser(user)).get("/api/v1/me").jsonPath().getString("data.phone");
        JsonPath found = Clients.withToken(TestTokens.forAdmin("support"))
                .get("/api/v1/admin/users?query=" + phone.substring(1) + "&status=active&page_size=5")
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("data.id")).containsExactly(user.toString());
        assertThat(found.getInt("meta.pagination.total")).isEqualTo(1);

        Response badFilter = Clients.withToken(TestTokens.forAdmin("support")).get("/api/v1/admin/users?status=banned");
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.jsonPath().getString("error.details.fields.status")).isNotBlank();
    }

    @Test
    void suspensionStopsTheUsersTokensAtOnceAndIsAudited() throws Exception {
        UUID user = TestTokens.newUser();
        String userToken = TestTokens.forUser(user);
        assertThat(Clients.withToken(userToken).get("/api/v1/me").statusCode()).isEqualTo(200);

        Response bySupport = Clients.withToken(TestTokens.forAdmin("support"))
                .body(Clients.json(Map.of("status", "suspended"))).patch("/api/v1/admin/users/" + user);
        assertThat(bySupport.statusCode()).as("support reads users but may not suspend them").isEqualTo(403);

        UUID ops = TestTokens.newAdmin("ops");
        String opsToken = TestTokens.sign(ops.toString(), List.of("admin"), "ops", TestTokens.issuer(),
                java.time.Instant.now().plusSeconds(600));
        JsonPath suspended = Clients.withToken(opsToken).body(Clients.json(Map.of("status", "suspended", "reason", "fraud report")))
                .patch("/api/v1/admin/users/" + user).then().statusCode(200).extract().jsonPath();
        assertThat(suspended.getString("data.status")).isEqualTo("suspended");
        assertThat(Clients.withToken(userToken).get("/api/v1/me").statusCode()).isEqualTo(401);

        try (Connection db = TestSchemas.connect("public");
             PreparedStatement audit = db.prepareStatement("SELECT actor_id, meta->>'reason' FROM audit_logs "
                     + "WHERE entity_id = ? AND action = 'user.suspend'")) {
            audit.setObject(1, user);
            try (ResultSet row = audit.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject(1, UUID.class)).isEqualTo(ops);
                assertThat(row.getString(2)).isEqualTo("fraud report");
            }
        }

        Clients.withToken(opsToken).body(Clients.json(Map.of("status", "active"))).patch("/api/v1/admin/users/" + user)
                .then().statusCode(200);
        assertThat(Clients.withToken(userToken).get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUserIsNotFound() {
        Response response = Clients.withToken(TestTokens.forAdmin("super")).get("/api/v1/admin/users/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("not_found");
    }

    /** Sign-out is declared for users and admins alike (@RolesAllowed, documented as secured); nobody else. */
    @Test
    void anAdminSignsOutAndNobodySignsOutWithoutAToken() throws Exception {
        String email = newAdminWithPassword("support", "Admin-Pass-2026!");
        String token = Clients.anonymous().body(Clients.json(Map.of("email", email, "password", "Admin-Pass-2026!")))
                .post("/api/v1/admin/login").then().statusCode(200).extract().jsonPath().getString("data.access_token");
        assertThat(Clients.withToken(token).post("/api/v1/auth/logout").statusCode()).isEqualTo(204);
        assertThat(Clients.withToken(token).get("/api/v1/admin/users").statusCode()).isEqualTo(401);
        Response anonymous = Clients.anonymous().post("/api/v1/auth/logout");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.jsonPath().getString("error.code")).isEqualTo("auth_required");
    }
}
