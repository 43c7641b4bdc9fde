package com.allocar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADM-4: the system settings for admins: list, typed changes with versions, audit. */
class SettingsIT {
    private static final String SETTINGS = "/api/v1/admin/settings";

    private static Response change(String token, String key, String body) {
        return Clients.withToken(token).body(body).patch(SETTINGS + "/" + key);
    }

    private static void assertInvalidValue(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("validation_error");
        assertThat(response.jsonPath().getMap("error.details.fields")).containsKey("value");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> setting(String token, String key) {
        JsonPath page = Clients.withToken(token).queryParam("page_size", 100).get(SETTINGS)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("data");
        return items.stream().filter(item -> key.equals(item.get("key"))).findFirst().orElseThrow();
    }

    @Test
    void everySeededSettingIsListedWithItsDefault() {
        String finance = TestTokens.forAdmin("finance");
        JsonPath page = Clients.withToken(finance).queryParam("page_size", 100).get(SETTINGS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("data.key", String.class)).contains("fees.platform_percent", "fees.platform_fixed",
                "cancellation.window_hours", "cancellation.fee_percent", "cancellation.no_show_percent",
                "cancellation.driver_penalty_amount", "bookings.pending_expiry_hours", "bookings.max_unpaid_per_24h",
                "payouts.minimum", "wallet.withdraw_minimum", "notifications.templates", "allow_auto_accept",
                "require_kyc_for_driver", "enable_wallet", "pricing.axes").isSorted();
        Map<String, Object> expiry = setting(finance, "bookings.pending_expiry_hours");
        assertThat(expiry.get("value")).isEqualTo(3);
        assertThat(expiry.get("value_type")).isEqualTo("integer");
        assertThat(expiry.get("default_value")).isEqualTo(3);
        assertThat(setting(finance, "require_kyc_for_driver").get("value")).isEqualTo(true);
        assertThat(setting(finance, "pricing.axes").get("value")).asList().hasSize(3);
        JsonPath bools = Clients.withToken(finance).queryParam("value_type", "bool").get(SETTINGS).jsonPath();
        assertThat(bools.getList("data.key")).containsExactly("allow_auto_accept", "enable_wallet", "require_kyc_for_driver");
        Clients.withToken(finance).queryParam("colour", "red").get(SETTINGS).then().statusCode(400);
    }

    @Test
    void aSuperAdminChangesASettingWithItsVersionAndTheChangeIsAudited() throws Exception {
        UUID adminId = TestTokens.newAdmin("super");
        String admin = TestTokens.sign(adminId.toString(), List.of("admin"), "super", TestTokens.issuer(),
                Instant.now().plusSeconds(600));
        Map<String, Object> before = setting(admin, "payouts.minimum");
        long version = ((Number) before.get("version")).longValue();
        Object original = before.get("value");
        try {
            Response stale = change(admin, "payouts.minimum", "{\"value\": 7500, \"version\": " + (version + 3) + "}");
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.jsonPath().getString("error.code")).isEqualTo("conflict");
            assertThat(stale.jsonPath().getLong("error.details.version")).isEqualTo(version);

            JsonPath changed = change(admin, "payouts.minimum", "{\"value\": 7500, \"version\": " + version + "}")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(changed.getInt("data.value")).isEqualTo(7500);
            assertThat(changed.getLong("data.version")).isEqualTo(version + 1);
            assertThat(changed.getString("data.updated_by")).isEqualTo(adminId.toString());
            try (Connection db = TestSchemas.connect("public"); PreparedStatement query = db.prepareStatement(
                    "SELECT meta->>'key', meta->>'to' FROM audit_logs WHERE action = 'setting.update' AND actor_id = ?")) {
                query.setObject(1, adminId);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("payouts.minimum");
                    assertThat(row.getString(2)).isEqualTo("7500");
                }
            }
        } finally {
            change(admin, "payouts.minimum", "{\"value\": " + original + "}").then().statusCode(200);
        }
    }

    @Test
    void valuesMustHaveTheSettingsTypeAndFollowItsRule() {
        String admin = TestTokens.forAdmin("super");
        assertInvalidValue(change(admin, "payouts.minimum", "{\"value\": \"5000\"}"));
        assertInvalidValue(change(admin, "payouts.minimum", "{\"value\": 5000.5}"));
        assertInvalidValue(change(admin, "payouts.minimum", "{\"value\": -1}"));
        assertInvalidValue(change(admin, "fees.platform_percent", "{\"value\": 150}"));
        assertInvalidValue(change(admin, "require_kyc_for_driver", "{\"value\": \"yes\"}"));
        assertInvalidValue(change(admin, "require_kyc_for_driver", "{\"value\": null}"));
        assertInvalidValue(change(admin, "notifications.templates", "{\"value\": [1, 2]}"));
        assertInvalidValue(change(admin, "pricing.axes", "{\"value\": [{\"name\": \"x\", \"ends\": [{\"lat\": 5, \"lon\": -4}], "
                + "\"radius_km\": 20, \"floor\": 1000, \"ceiling\": 2000}]}"));
        assertInvalidValue(change(admin, "pricing.axes", "{\"value\": [{\"name\": \"x\", \"ends\": [{\"lat\": 5, \"lon\": -4}, "
                + "{\"lat\": 6, \"lon\": -5}], \"radius_km\": 20, \"floor\": 3000, \"ceiling\": 2000}]}"));
        Response missing = change(admin, "payouts.minimum", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(change(admin, "no.such_setting", "{\"value\": 1}").statusCode()).isEqualTo(404);
        assertThat(change(TestTokens.forAdmin("finance"), "payouts.minimum", "{\"value\": 1}").statusCode()).isEqualTo(403);
        assertThat(setting(admin, "require_kyc_for_driver").get("value")).isEqualTo(true);
    }
}
