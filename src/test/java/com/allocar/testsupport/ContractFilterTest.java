package com.allocar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test clients' filter: a request whose answer breaks the document fails where the test sent it. */
class ContractFilterTest {
    private static final String THING = "/api/v1/things/8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11";
    private static HttpServer server;

    /** Answers GET /api/v1/things/{id}: a documented 200 for {@code ?status=200}, else an undocumented 503. */
    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/things/", exchange -> {
            boolean documented = "status=200".equals(exchange.getRequestURI().getQuery());
            byte[] body = (documented ? "{\"data\": {\"id\": \"8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11\", \"count\": 1}}"
                    : "{\"error\": {\"code\": \"service_unavailable\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(documented ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static RequestSpecification client() {
        ApiContract contract = new ApiContract(ApiContractTest.DOCUMENT);
        return RestAssured.given().baseUri("http://127.0.0.1:" + server.getAddress().getPort())
                .filter(new ContractFilter(() -> contract));
    }

    @Test
    void aDocumentedAnswerPassesThrough() {
        assertThat(client().get(THING + "?status=200").jsonPath().getInt("data.count")).isEqualTo(1);
    }

    @Test
    void anUndocumentedStatusFailsTheRequest() {
        assertThatThrownBy(() -> client().get(THING + "?status=503"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 503 is not documented for getThing (GET /api/v1/things/{id})");
    }
}
