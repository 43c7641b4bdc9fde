package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.ApiContract;
import com.allocar.testsupport.Clients;
import com.allocar.testsupport.S3StandIn;
import com.allocar.testsupport.TestTokens;
import com.allocar.testsupport.ItServer;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A new user's KYC submission through the API, with its images uploaded like the app does. */
public final class KycSubmissions {

    /** What a test needs to know about a submission: who, which document, and the bytes uploaded. */
    public record Submitted(UUID userId, String token, UUID id, String docNumber, JsonPath response, byte[] front,
                            byte[] back) {
    }

    private KycSubmissions() {
    }

    /** A POST without body nor Content-Type, as a browser's {@code fetch(url, {method: 'POST'})} sends it. */
    public static HttpResponse<String> bodylessPost(String path, String token) throws Exception {
        ItServer.awaitReady();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ItServer.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("X-Forwarded-For", Clients.randomAddress())
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        ApiContract.served().assertConforms("POST", request.uri().getRawPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.body().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    public static String newDocNumber() {
        return "CI " + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** The body of {@code POST /me/kyc}; {@code backType} null for a one-sided document. */
    public static String body(String docType, String docNumber, String frontType, String backType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("doc_type", docType);
        body.put("doc_number", docNumber);
        body.put("front_content_type", frontType);
        if (backType != null) {
            body.put("back_content_type", backType);
        }
        return Clients.json(body);
    }

    /** A new user submits a cni (front JPEG, back PNG when asked) and uploads random bytes to the URLs given. */
    public static Submitted submitAndUpload(boolean withBack) {
        UUID user = TestTokens.newUser();
        return submitAndUpload(user, TestTokens.forUser(user), withBack);
    }

    public static Submitted submitAndUpload(UUID user, String token, boolean withBack) {
        String number = newDocNumber();
        JsonPath created = Clients.withToken(token).body(body("cni", number, "image/jpeg", withBack ? "image/png" : null))
                .post("/api/v1/me/kyc").then().statusCode(201).extract().jsonPath();
        byte[] front = S3StandIn.randomImage(2048 + ThreadLocalRandom.current().nextInt(2048));
        assertThat(S3StandIn.upload(created.getString("data.upload_method"), created.getString("data.front_upload_url"),
                created.getMap("data.front_upload_headers"), front)).isEqualTo(200);
        byte[] back = null;
        if (withBack) {
            back = S3StandIn.randomImage(1024);
            assertThat(S3StandIn.upload(created.getString("data.upload_method"),
                    created.getString("data.back_upload_url"), created.getMap("data.back_upload_headers"), back))
                    .isEqualTo(200);
        }
        return new Submitted(user, token, UUID.fromString(created.getString("data.id")), number, created, front, back);
    }
}
