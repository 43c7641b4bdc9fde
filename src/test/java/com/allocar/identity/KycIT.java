package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** AUTH-6 and KYC-1 from the user's side: submission, upload through presigned URLs only, status, ownership. */
class KycIT {

    @Test
    void submissionGivesPresignedUploadsIntoThePrivateBucket() throws Exception {
        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        JsonPath none = Clients.withToken(token).get("/api/v1/me/kyc/status").then().statusCode(200).extract().jsonPath();
        assertThat(none.getMap("data")).isEqualTo(Map.of("status", "none"));

        Instant before = Instant.now();
        Response created = Clients.withToken(token)
                .body(KycSubmissions.body("passport", "  20AB12345 ", "application/pdf", "image/png")).post("/api/v1/me/kyc");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonPath body = created.jsonPath();
        UUID id = UUID.fromString(body.getString("data.id"));
        assertThat(created.header("Location")).endsWith("/api/v1/me/kyc/" + id);
        assertThat(body.getString("data.status")).isEqualTo("pending");
        assertThat(body.getString("data.doc_type")).isEqualTo("passport");
        assertThat(body.getString("data.upload_method")).isEqualTo("PUT");
        assertThat(body.getMap("data.front_upload_headers")).isEqualTo(Map.of("Content-Type", "application/pdf"));
        assertThat(body.getMap("data.back_upload_headers")).isEqualTo(Map.of("Content-Type", "image/png"));
        Instant expires = Instant.parse(body.getString("data.upload_expires_at"));
        assertThat(expires).isBetween(before.plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11)));

        // The keys are the server's: kyc/{user}/{document}/front|back.{ext}, in the KYC bucket, with the type signed.
        String front = body.getString("data.front_upload_url");
        assertThat(front).startsWith(S3StandIn.plainUrl(S3StandIn.kycBucket(), "kyc/" + user + "/" + id + "/front.pdf?"));
        assertThat(body.getString("data.back_upload_url"))
                .startsWith(S3StandIn.plainUrl(S3StandIn.kycBucket(), "kyc/" + user + "/" + id + "/back.png?"));
        assertThat(S3StandIn.query(front).get("X-Amz-SignedHeaders")).contains("content-type");
        assertThat(S3StandIn.query(front).get("X-Amz-Expires")).isEqualTo("600");

        byte[] pdf = S3StandIn.randomImage(3000);
        assertThat(S3StandIn.upload("PUT", front, Map.of("Content-Type", "application/pdf"), pdf)).isEqualTo(200);
        assertThat(S3StandIn.upload("PUT", body.getString("data.back_upload_url"), Map.of("Content-Type", "image/png"),
                S3StandIn.randomImage(500))).isEqualTo(200);

        JsonPath status = Clients.withToken(token).get("/api/v1/me/kyc/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("data.status")).isEqualTo("pending");
        assertThat(status.getString("data.doc_type")).isEqualTo("passport");
        assertThat(status.getString("data.id")).isEqualTo(id.toString());
        assertThat(status.getString("data.reviewed_at")).isNull();
        JsonPath one = Clients.withToken(token).get("/api/v1/me/kyc/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(one.getString("data.status")).isEqualTo("pending");

        try (Connection db = TestSchemas.connect("public");
             PreparedStatement row = db.prepareStatement("SELECT doc_number, front_key, back_key, status FROM kyc_documents WHERE id = ?")) {
            row.setObject(1, id);
            try (ResultSet found = row.executeQuery()) {
                assertThat(found.next()).isTrue();
                assertThat(found.getString(1)).isEqualTo("20AB12345");
                assertThat(found.getString(2)).isEqualTo("kyc/" + user + "/" + id + "/front.pdf");
                assertThat(found.getString(3)).isEqualTo("kyc/" + user + "/" + id + "/back.png");
                assertThat(found.getString(4)).isEqualTo("pending");
            }
        }
        assertThat(auditActions(id)).containsExactly("kyc.submit");
    }

    @Test
    void theApiNeverHandsOutAnUnsignedKycUrl() {
        // S3Mock has no access control, so the bucket's privacy cannot be shown here: what is shown is that every
        // address of a KYC object the API returns is presigned and short-lived, and that none is plain.
        KycSubmissions.Submitted submitted = KycSubmissions.submitAndUpload(true);
        List<String> bodies = new ArrayList<>();
        bodies.add(submitted.response().prettify());
        bodies.add(Clients.withToken(submitted.token()).get("/api/v1/me/kyc/status").asString());
        bodies.add(Clients.withToken(submitted.token()).get("/api/v1/me/kyc/" + submitted.id()).asString());
        bodies.add(Clients.withToken(submitted.token()).post("/api/v1/me/kyc/" + submitted.id() + "/upload-urls").asString());
        bodies.add(Clients.withToken(submitted.token()).get("/api/v1/me").asString());
        List<String> urls = new ArrayList<>();
        bodies.forEach(body -> urls.addAll(S3StandIn.urlsIn(body)));
        assertThat(urls).hasSize(4).allSatisfy(url -> {
            Map<String, String> query = S3StandIn.query(url);
            assertThat(query).containsKeys("X-Amz-Signature", "X-Amz-Credential", "X-Amz-Date");
            assertThat(Integer.parseInt(query.get("X-Amz-Expires"))).isLessThanOrEqualTo(600);
        });
        String plainFront = S3StandIn.plainUrl(S3StandIn.kycBucket(), "kyc/" + submitted.userId() + "/" + submitted.id() + "/front.jpg");
        bodies.forEach(body -> assertThat(body.replace(plainFront + "?", "")).doesNotContain(plainFront));
    }

    @Test
    void newUploadUrlsForThePendingDocument() throws Exception {
        KycSubmissions.Submitted submitted = KycSubmissions.submitAndUpload(false);
        HttpResponse<String> bodyless = KycSubmissions.bodylessPost("/api/v1/me/kyc/" + submitted.id() + "/upload-urls",
                submitted.token());
        assertThat(bodyless.statusCode()).as(bodyless.body()).isEqualTo(200);
        JsonPath renewed = new JsonPath(bodyless.body());
        assertThat(renewed.getString("data.id")).isEqualTo(submitted.id().toString());
        assertThat(renewed.getString("data.back_upload_url")).isNull();
        assertThat(renewed.getMap("data.front_upload_headers")).isEqualTo(Map.of("Content-Type", "image/jpeg"));
        byte[] again = S3StandIn.randomImage(777);
        assertThat(S3StandIn.upload("PUT", renewed.getString("data.front_upload_url"), Map.of("Content-Type", "image/jpeg"), again))
                .isEqualTo(200);
    }

    @Test
    void aPendingDocumentBlocksAnotherSubmission() {
        KycSubmissions.Submitted submitted = KycSubmissions.submitAndUpload(false);
        Response again = Clients.withToken(submitted.token())
                .body(KycSubmissions.body("permis", KycSubmissions.newDocNumber(), "image/jpeg", null)).post("/api/v1/me/kyc");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.jsonPath().getString("error.code")).isEqualTo("conflict");
        assertThat(again.jsonPath().getString("error.details.status")).isEqualTo("pending");
        assertThat(again.jsonPath().getString("error.details.id")).isEqualTo(submitted.id().toString());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameDocument() {
        String token = TestTokens.forNewUser();
        String body = KycSubmissions.body("cni", KycSubmissions.newDocNumber(), "image/jpeg", null);
        String key = UUID.randomUUID().toString();
        Response first = Clients.withToken(token).header("Idempotency-Key", key).body(body).post("/api/v1/me/kyc");
        Response retry = Clients.withToken(token).header("Idempotency-Key", key).body(body).post("/api/v1/me/kyc");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("data.id")).isEqualTo(first.jsonPath().getString("data.id"));
    }

    @Test
    void someoneElsesDocumentIsNotFound() {
        KycSubmissions.Submitted theirs = KycSubmissions.submitAndUpload(false);
        String mine = TestTokens.forNewUser();
        for (Response response : List.of(
                Clients.withToken(mine).get("/api/v1/me/kyc/" + theirs.id()),
                Clients.withToken(mine).post("/api/v1/me/kyc/" + theirs.id() + "/upload-urls"),
                Clients.withToken(mine).get("/api/v1/me/kyc/" + UUID.randomUUID()))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.jsonPath().getString("error.code")).isEqualTo("not_found");
            assertThat(response.asString()).doesNotContain("X-Amz");
        }
        assertThat(Clients.withToken(mine).get("/api/v1/me/kyc/status").jsonPath().getString("data.status")).isEqualTo("none");
    }

    @Test
    void invalidSubmissionsAreValidationErrors() {
        String token = TestTokens.forNewUser();
        Response bad = Clients.withToken(token).body(KycSubmissions.body("cni", "ab", "image/gif", "text/plain"))
                .post("/api/v1/me/kyc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getMap("error.details.fields")).containsOnlyKeys("doc_number", "front_content_type",
                "back_content_type");

        Response missing = Clients.withToken(token).body(Clients.json(Map.of("doc_type", "cni"))).post("/api/v1/me/kyc");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.jsonPath().getMap("error.details.fields")).containsOnlyKeys("doc_number", "front_content_type");

        Response unknownType = Clients.withToken(token)
                .body(KycSubmissions.body("visa", KycSubmissions.newDocNumber(), "image/jpeg", null)).post("/api/v1/me/kyc");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.jsonPath().getString("error.code")).isEqualTo("validation_error");

        Response tooLong = Clients.withToken(token).body(KycSubmissions.body("cni", "1".repeat(41), "image/jpeg", null))
                .post("/api/v1/me/kyc");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Clients.withToken(token).get("/api/v1/me/kyc/status").jsonPath().getString("data.status")).isEqualTo("none");
    }

    @Test
    void onlySignedInUsers() {
        String body = KycSubmissions.body("cni", KycSubmissions.newDocNumber(), "image/jpeg", null);
        assertThat(Clients.anonymous().body(body).post("/api/v1/me/kyc").statusCode()).isEqualTo(401);
        assertThat(Clients.anonymous().get("/api/v1/me/kyc/status").statusCode()).isEqualTo(401);
        Response admin = Clients.withToken(TestTokens.forAdmin("compliance")).body(body).post("/api/v1/me/kyc");
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    static List<String> auditActions(UUID documentId) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection db = TestSchemas.connect("public");
             PreparedStatement audit = db.prepareStatement(
                     "SELECT action FROM audit_logs WHERE entity = 'kyc_documents' AND entity_id = ? ORDER BY created_at")) {
            audit.setObject(1, documentId);
            try (ResultSet rows = audit.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        }
        return actions;
    }
}
