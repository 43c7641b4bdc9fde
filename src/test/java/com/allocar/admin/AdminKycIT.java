package com.allocar.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.identity.KycSubmissions;
import com.allocar.identity.KycSubmissions.Submitted;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.S3StandIn;
import com.allocar.testsupport.TestSchemas;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KYC-2 and the KYC part of ADM-2/ADM-3: the review queue, downloads through presigned URLs, decisions, audit. */
class AdminKycIT {

    private static String adminToken(UUID adminId, String role) {
        return TestTokens.sign(adminId.toString(), List.of("admin"), role, TestTokens.issuer(), Instant.now().plusSeconds(600));
    }

    /** The pending list from the submission's own creation time on (other tests' documents come before it). */
    private static JsonPath pendingSince(String token, Submitted submitted, Map<String, String> extra) {
        String since = Clients.withToken(submitted.token()).get("/api/v1/me/kyc/" + submitted.id()).jsonPath()
                .getString("data.created_at");
        return Clients.withToken(token).queryParam("page_size", 100).queryParam("created_at_gte", since)
                .queryParams(extra).get("/api/v1/admin/kyc/pending")
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> item(JsonPath page, UUID id) {
        List<Map<String, Object>> items = page.getList("data");
        return items.stream().filter(i -> id.toString().equals(i.get("id"))).findFirst().orElse(null);
    }

    @Test
    void complianceDownloadsThePendingDocumentAndApprovesIt() throws Exception {
        Submitted submitted = KycSubmissions.submitAndUpload(true);
        UUID reviewer = TestTokens.newAdmin("compliance");
        String token = adminToken(reviewer, "compliance");

        JsonPath page = pendingSince(token, submitted, Map.of("doc_type", "cni"));
        Map<String, Object> listed = item(page, submitted.id());
        assertThat(listed).as("the pending document is listed").isNotNull();
        assertThat(listed.get("status")).isEqualTo("pending");
        assertThat(listed.get("doc_number")).isEqualTo(submitted.docNumber());
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) listed.get("user");
        assertThat(applicant.get("id")).isEqualTo(submitted.userId().toString());
        assertThat((String) applicant.get("phone")).startsWith("+22507");
        assertThat(applicant.get("first_name")).isEqualTo("Test");
        assertThat(page.getInt("meta.pagination.total")).isGreaterThanOrEqualTo(1);

        String frontUrl = (String) listed.get("front_url");
        String backUrl = (String) listed.get("back_url");
        for (String url : List.of(frontUrl, backUrl)) {
            assertThat(S3StandIn.query(url)).containsKey("X-Amz-Signature").containsEntry("X-Amz-Expires", "300");
        }
        assertThat(Instant.parse((String) listed.get("urls_expire_at"))).isBefore(Instant.now().plusSeconds(301));
        HttpResponse<byte[]> front = S3StandIn.get(frontUrl);
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.body()).isEqualTo(submitted.front());
        assertThat(S3StandIn.get(backUrl).body()).isEqualTo(submitted.back());

        JsonPath approved = Clients.withToken(token).post("/api/v1/admin/kyc/" + submitted.id() + "/approve")
                .then().statusCode(200).extract().jsonPath();
        assertThat(approved.getString("data.status")).isEqualTo("approved");
        assertThat(approved.getString("data.reviewed_by")).isEqualTo(reviewer.toString());
        assertThat(approved.getString("data.reviewed_at")).isNotNull();

        JsonPath status = Clients.withToken(submitted.token()).get("/api/v1/me/kyc/status").then().statusCode(200)
                .extract().jsonPath();
        assertThat(status.getString("data.status")).isEqualTo("approved");
        assertThat(status.getString("data.reviewed_at")).isEqualTo(approved.getString("data.reviewed_at"));
        assertThat(item(pendingSince(token, submitted, Map.of()), submitted.id())).as("no longer pending").isNull();

        Response again = Clients.withToken(submitted.token())
                .body(KycSubmissions.body("passport", KycSubmissions.newDocNumber(), "image/jpeg", null)).post("/api/v1/me/kyc");
        assertThat(again.statusCode()).as("verified already").isEqualTo(409);
        assertThat(again.jsonPath().getString("error.details.status")).isEqualTo("approved");

        Map<String, String> audit = auditOf(submitted.id(), "kyc.approve");
        assertThat(audit).containsEntry("actor_type", "admin").containsEntry("actor_id", reviewer.toString())
                .containsEntry("user_id", submitted.userId().toString());
    }

    @Test
    void aRejectionNeedsNotesWhichTheUserReads() throws Exception {
        Submitted submitted = KycSubmissions.submitAndUpload(false);
        UUID reviewer = TestTokens.newAdmin("super");
        String token = adminToken(reviewer, "super");

        for (String body : List.of("{}", Clients.json(Map.of("notes", "  ab  ")), Clients.json(Map.of("notes", "x".repeat(501))))) {
            Response refused = Clients.withToken(token).body(body).post("/api/v1/admin/kyc/" + submitted.id() + "/reject");
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.jsonPath().getMap("error.details.fields")).containsOnlyKeys("notes");
        }
        assertThat(Clients.withToken(token).post("/api/v1/admin/kyc/" + submitted.id() + "/reject").statusCode())
                .as("no body at all").isEqualTo(400);

        String notes = "Photo floue : merci de reprendre le recto en pleine lumière.";
        JsonPath rejected = Clients.withToken(token).body(Clients.json(Map.of("notes", " " + notes + " ")))
                .post("/api/v1/admin/kyc/" + submitted.id() + "/reject").then().statusCode(200).extract().jsonPath();
        assertThat(rejected.getString("data.status")).isEqualTo("rejected");
        assertThat(rejected.getString("data.notes")).isEqualTo(notes);
        assertThat(rejected.getString("data.reviewed_by")).isEqualTo(reviewer.toString());

        JsonPath status = Clients.withToken(submitted.token()).get("/api/v1/me/kyc/status").jsonPath();
        assertThat(status.getString("data.status")).isEqualTo("rejected");
        assertThat(status.getString("data.notes")).isEqualTo(notes);
        assertThat(status.getString("data.reviewed_at")).isNotNull();
        assertThat(Clients.withToken(submitted.token()).post("/api/v1/me/kyc/" + submitted.id() + "/upload-urls").statusCode())
                .as("a reviewed document takes no new images").isEqualTo(409);

        assertThat(auditOf(submitted.id(), "kyc.reject")).containsEntry("actor_id", reviewer.toString())
                .containsEntry("notes", notes);

        // After a rejection the user submits again; the latest document is the status.
        Submitted second = KycSubmissions.submitAndUpload(submitted.userId(), submitted.token(), false);
        assertThat(Clients.withToken(submitted.token()).get("/api/v1/me/kyc/status").jsonPath().getString("data.id"))
                .isEqualTo(second.id().toString());
    }

    @Test
    void aDocumentIsReviewedOnce() throws Exception {
        Submitted submitted = KycSubmissions.submitAndUpload(false);
        String token = TestTokens.forAdmin("compliance");
        assertThat(KycSubmissions.bodylessPost("/api/v1/admin/kyc/" + submitted.id() + "/approve", token).statusCode())
                .as("an approval needs no body").isEqualTo(200);

        Response twice = Clients.withToken(token).post("/api/v1/admin/kyc/" + submitted.id() + "/approve");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.jsonPath().getString("error.code")).isEqualTo("conflict");
        assertThat(twice.jsonPath().getMap("error.details")).isEqualTo(Map.of("from", "approved", "to", "approved"));
        Response rejectAfter = Clients.withToken(TestTokens.forAdmin("super")).body(Clients.json(Map.of("notes", "too late")))
                .post("/api/v1/admin/kyc/" + submitted.id() + "/reject");
        assertThat(rejectAfter.statusCode()).isEqualTo(409);
        assertThat(rejectAfter.jsonPath().getMap("error.details")).isEqualTo(Map.of("from", "approved", "to", "rejected"));
        assertThat(Clients.withToken(submitted.token()).get("/api/v1/me/kyc/status").jsonPath().getString("data.status"))
                .isEqualTo("approved");
    }

    @Test
    void onlySuperAndComplianceReview() {
        Submitted submitted = KycSubmissions.submitAndUpload(false);
        for (String role : List.of("support", "finance", "ops")) {
            String token = TestTokens.forAdmin(role);
            for (Response response : List.of(
                    Clients.withToken(token).get("/api/v1/admin/kyc/pending"),
                    Clients.withToken(token).post("/api/v1/admin/kyc/" + submitted.id() + "/approve"),
                    Clients.withToken(token).body(Clients.json(Map.of("notes", "not my job")))
                            .post("/api/v1/admin/kyc/" + submitted.id() + "/reject"))) {
                assertThat(response.statusCode()).as(role).isEqualTo(403);
                assertThat(response.jsonPath().getString("error.code")).isEqualTo("forbidden");
                assertThat(response.asString()).doesNotContain("X-Amz");
            }
        }
        assertThat(Clients.withToken(submitted.token()).get("/api/v1/admin/kyc/pending").statusCode()).isEqualTo(403);
        assertThat(Clients.anonymous().get("/api/v1/admin/kyc/pending").statusCode()).isEqualTo(401);
        assertThat(Clients.withToken(submitted.token()).get("/api/v1/me/kyc/status").jsonPath().getString("data.status"))
                .isEqualTo("pending");
        assertThat(Clients.withToken(TestTokens.forAdmin("super")).get("/api/v1/admin/kyc/pending").statusCode()).isEqualTo(200);
    }

    @Test
    void oldestFirstByDefaultAndFiltersAreChecked() {
        Submitted first = KycSubmissions.submitAndUpload(false);
        Submitted second = KycSubmissions.submitAndUpload(false);
        String token = TestTokens.forAdmin("compliance");
        List<String> ids = pendingSince(token, first, Map.of()).getList("data.id");
        assertThat(ids.indexOf(first.id().toString())).isGreaterThanOrEqualTo(0).isLessThan(ids.indexOf(second.id().toString()));
        List<String> newestFirst = pendingSince(token, first, Map.of("sort", "-created_at")).getList("data.id");
        assertThat(newestFirst.indexOf(second.id().toString())).isLessThan(newestFirst.indexOf(first.id().toString()));
        assertThat(pendingSince(token, first, Map.of("doc_type", "passport")).getList("data.id"))
                .doesNotContain(first.id().toString(), second.id().toString());

        for (String query : List.of("doc_type=visa", "sort=doc_number", "status=approved", "page_size=101")) {
            Response bad = Clients.withToken(token).get("/api/v1/admin/kyc/pending?" + query);
            assertThat(bad.statusCode()).as(query).isEqualTo(400);
            assertThat(bad.jsonPath().getString("error.code")).isEqualTo("validation_error");
        }
    }

    @Test
    void unknownDocumentIsNotFound() {
        Response response = Clients.withToken(TestTokens.forAdmin("compliance"))
                .post("/api/v1/admin/kyc/" + UUID.randomUUID() + "/approve");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getString("error.code")).isEqualTo("not_found");
    }

    private static Map<String, String> auditOf(UUID documentId, String action) throws Exception {
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement audit = db.prepareStatement("SELECT actor_type, actor_id::text, meta->>'user_id', meta->>'notes', "
                     + "count(*) OVER () FROM audit_logs WHERE entity = 'kyc_documents' AND entity_id = ? AND action = ?")) {
            audit.setObject(1, documentId);
            audit.setString(2, action);
            try (ResultSet row = audit.executeQuery()) {
                assertThat(row.next()).as("an audit row " + action).isTrue();
                assertThat(row.getInt(5)).as("exactly one").isEqualTo(1);
                Map<String, String> found = new java.util.HashMap<>();
                found.put("actor_type", row.getString(1));
                found.put("actor_id", row.getString(2));
                found.put("user_id", row.getString(3));
                found.put("notes", row.getString(4));
                return found;
            }
        }
    }
}
