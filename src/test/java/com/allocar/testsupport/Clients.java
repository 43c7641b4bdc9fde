package com.allocar.testsupport;

import io.restassured.RestAssured;
import jakarta.json.Json;
import java.util.Map;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request specifications for the integration tests. Each client gets its own address through the loopback
 * proxy (X-Forwarded-For, trusted in the test configuration), like a real phone would: per-address rate
 * limits of one test never affect another. Every answer is checked against the served OpenAPI document
 * ({@link ApiContract}): a status or body the document does not describe fails the test.
 */
public final class Clients {
    private Clients() {
    }

    /** A new anonymous client with its own address. */
    public static RequestSpecification anonymous() {
        ItServer.awaitReady();
        return RestAssured.given()
                .baseUri(ItServer.baseUrl())
                .header("X-Forwarded-For", randomAddress())
                .filter(ContractFilter.SERVED)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A client from a given address. */
    public static RequestSpecification from(String address) {
        ItServer.awaitReady();
        return RestAssured.given()
                .baseUri(ItServer.baseUrl())
                .header("X-Forwarded-For", address)
                .filter(ContractFilter.SERVED)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A client authenticated with a bearer token. */
    public static RequestSpecification withToken(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A request body as JSON text (RestAssured's own object mapping only knows javax JSON libraries). */
    public static String json(Map<String, ?> body) {
        return Json.createObjectBuilder(body).build().toString();
    }
}
