package com.allocar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADM-3: every admin route in the OpenAPI document, tried with every admin role, a user and nobody, against
 * the role matrix of the specification (section 14), written out here independently of the code.
 */
class AdminRoleMatrixIT {
    private static final Set<String> ALL = Set.of("super", "ops", "support", "finance", "compliance");

    /** Section 14, by capability. */
    private static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("users read", ALL),
            Map.entry("users edit", Set.of("super", "ops")),
            Map.entry("kyc review", Set.of("super", "compliance")),
            Map.entry("audit read", Set.of("super", "ops")),
            Map.entry("settings read", Set.of("super", "ops", "finance")),
            Map.entry("settings edit", Set.of("super")),
            Map.entry("payments and payouts", Set.of("super", "finance")),
            Map.entry("promos and referrals", Set.of("super", "ops")),
            Map.entry("ratings moderate", Set.of("super", "support", "compliance")),
            Map.entry("disputes", Set.of("super", "ops", "support", "compliance")));

    /** Every admin route that exists, with its capability. A new route without a row here fails the test. */
    private static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("GET /api/v1/admin/users", "users read");
        ROUTES.put("GET /api/v1/admin/users/{id}", "users read");
        ROUTES.put("PATCH /api/v1/admin/users/{id}", "users edit");
        ROUTES.put("GET /api/v1/admin/audit-logs", "audit read");
        ROUTES.put("GET /api/v1/admin/kyc/pending", "kyc review");
        ROUTES.put("POST /api/v1/admin/kyc/{id}/approve", "kyc review");
        ROUTES.put("POST /api/v1/admin/kyc/{id}/reject", "kyc review");
        ROUTES.put("GET /api/v1/admin/settings", "settings read");
        ROUTES.put("PATCH /api/v1/admin/settings/{key}", "settings edit");
        ROUTES.put("GET /api/v1/admin/payment-attempts/needs-review", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/payments/refunds", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/payments/refunds/{id}/resolve", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/wallet/withdrawals", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/wallet/withdrawals/{id}/resolve", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/wallet/debts", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/wallet/debts/{id}/resolve", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/payouts/run", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/payouts", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/payouts/export", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/payouts/{id}/retry", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/payouts/{id}/resolve", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/payments", "payments and payouts");
        ROUTES.put("POST /api/v1/admin/reconciliation/run", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/reconciliation/runs", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/reconciliation/runs/{id}", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/reconciliation/runs/{id}/items", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/reconciliation/runs/{id}/export", "payments and payouts");
        ROUTES.put("GET /api/v1/admin/referrals", "promos and referrals");
        ROUTES.put("GET /api/v1/admin/referrals/{id}", "promos and referrals");
        ROUTES.put("POST /api/v1/admin/referrals/{id}/cancel", "promos and referrals");
        ROUTES.put("GET /api/v1/admin/ratings", "ratings moderate");
        ROUTES.put("PATCH /api/v1/admin/ratings/{id}", "ratings moderate");
        ROUTES.put("POST /api/v1/admin/promos", "promos and referrals");
        ROUTES.put("GET /api/v1/admin/promos", "promos and referrals");
        ROUTES.put("GET /api/v1/admin/promos/{id}", "promos and referrals");
        ROUTES.put("PATCH /api/v1/admin/promos/{id}", "promos and referrals");
        ROUTES.put("POST /api/v1/admin/promos/{id}/activate", "promos and referrals");
        ROUTES.put("POST /api/v1/admin/promos/{id}/deactivate", "promos and referrals");
        ROUTES.put("DELETE /api/v1/admin/promos/{id}", "promos and referrals");
        ROUTES.put("GET /api/v1/admin/disputes", "disputes");
        ROUTES.put("GET /api/v1/admin/disputes/{id}", "disputes");
        ROUTES.put("PATCH /api/v1/admin/disputes/{id}", "disputes");
        ROUTES.put("GET /api/v1/admin/disputes/{id}/messages", "disputes");
        ROUTES.put("POST /api/v1/admin/disputes/{id}/messages", "disputes");
    }

    @SuppressWarnings("unchecked")
    private static List<String> adminRoutesInTheDocument() {
        Map<String, Object> paths = Clients.anonymous().accept("application/json").get("/api/docs")
                .jsonPath().getMap("paths");
        List<String> routes = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/v1/admin/") && !path.equals("/api/v1/admin/login")) {
                ((Map<String, Object>) operations).keySet().stream()
                        .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                        .forEach(method -> routes.add(method.toUpperCase() + " " + path));
            }
        });
        return routes;
    }

    private static Response call(String route, String token) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var request = token == null ? Clients.anonymous() : Clients.withToken(token);
        return request.body("{}").request(parts[0], path);
    }

    @Test
    void everyAdminRouteIsInTheMatrix() {
        assertThat(new TreeSet<>(adminRoutesInTheDocument())).isEqualTo(new TreeSet<>(ROUTES.keySet()));
    }

    @Test
    void everyRoleOnEveryRoute() {
        Map<String, String> tokens = new LinkedHashMap<>();
        ALL.forEach(role -> tokens.put(role, TestTokens.forAdmin(role)));
        String user = TestTokens.forNewUser();
        List<String> mismatches = new ArrayList<>();
        for (String route : adminRoutesInTheDocument()) {
            Set<String> allowed = MATRIX.get(ROUTES.get(route));
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                int status = call(route, role.getValue()).statusCode();
                boolean granted = status != 401 && status != 403;
                if (granted != allowed.contains(role.getKey())) {
                    mismatches.add(route + " as " + role.getKey() + " -> " + status);
                }
            }
            int asUser = call(route, user).statusCode();
            if (asUser != 403) {
                mismatches.add(route + " as a user -> " + asUser);
            }
            int anonymous = call(route, null).statusCode();
            if (anonymous != 401) {
                mismatches.add(route + " without a token -> " + anonymous);
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
