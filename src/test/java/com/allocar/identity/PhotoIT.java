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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /me/photo} (AUTH-6): a presigned upload into the public bucket, then readable at photo_url. */
class PhotoIT {

    @Test
    void thePresignedUploadWorksAndThePhotoIsThenReadable() throws Exception {
        UUID user = TestTokens.newUser();
        String token = TestTokens.forUser(user);
        Response created = Clients.withToken(token).body(Clients.json(Map.of("content_type", "image/png")))
                .post("/api/v1/me/photo");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonPath body = created.jsonPath();
        assertThat(body.getString("data.method")).isEqualTo("PUT");
        assertThat(body.getMap("data.headers")).isEqualTo(Map.of("Content-Type", "image/png"));
        assertThat(Instant.parse(body.getString("data.expires_at"))).isAfter(Instant.now().plusSeconds(540));
        String photoUrl = body.getString("data.photo_url");
        assertThat(photoUrl).matches(java.util.regex.Pattern.quote(
                S3StandIn.plainUrl(S3StandIn.publicBucket(), "users/" + user + "/photo-")) + "[0-9a-f-]{36}\\.png");
        String uploadUrl = body.getString("data.upload_url");
        assertThat(uploadUrl).startsWith(photoUrl + "?");
        assertThat(S3StandIn.query(uploadUrl)).containsKey("X-Amz-Signature").containsEntry("X-Amz-Expires", "600");
        assertThat(S3StandIn.query(uploadUrl).get("X-Amz-SignedHeaders")).contains("content-type");

        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getString("data.photo_url")).isEqualTo(photoUrl);

        byte[] image = S3StandIn.randomImage(4096);
        assertThat(S3StandIn.upload("PUT", uploadUrl, Map.of("Content-Type", "image/png"), image)).isEqualTo(200);
        HttpResponse<byte[]> read = S3StandIn.get(photoUrl);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(image);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("image/png");

        try (Connection db = TestSchemas.connect("public");
             PreparedStatement audit = db.prepareStatement("SELECT meta->>'photo_url' FROM audit_logs "
                     + "WHERE actor_id = ? AND action = 'user.photo_change'")) {
            audit.setObject(1, user);
            try (ResultSet row = audit.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo(photoUrl);
            }
        }
    }

    @Test
    void eachNewPhotoGetsANewAddress() {
        String token = TestTokens.forNewUser();
        String first = Clients.withToken(token).body(Clients.json(Map.of("content_type", "image/jpeg")))
                .post("/api/v1/me/photo").then().statusCode(201).extract().jsonPath().getString("data.photo_url");
        String second = Clients.withToken(token).body(Clients.json(Map.of("content_type", "image/webp")))
                .post("/api/v1/me/photo").then().statusCode(201).extract().jsonPath().getString("data.photo_url");
        assertThat(first).endsWith(".jpg");
        assertThat(second).endsWith(".webp").isNotEqualTo(first);
        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getString("data.photo_url")).isEqualTo(second);
    }

    @Test
    void onlyImageTypesAndOnlyUsers() {
        String token = TestTokens.forNewUser();
        for (String body : new String[] {Clients.json(Map.of("content_type", "image/gif")),
                Clients.json(Map.of("content_type", "application/pdf")), "{}"}) {
            Response bad = Clients.withToken(token).body(body).post("/api/v1/me/photo");
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            assertThat(bad.jsonPath().getMap("error.details.fields")).containsOnlyKeys("content_type");
        }
        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getString("data.photo_url")).isNull();
        String body = Clients.json(Map.of("content_type", "image/jpeg"));
        assertThat(Clients.anonymous().body(body).post("/api/v1/me/photo").statusCode()).isEqualTo(401);
        assertThat(Clients.withToken(TestTokens.forAdmin("super")).body(body).post("/api/v1/me/photo").statusCode())
                .isEqualTo(403);
    }
}
