package com.allocar.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test clients' filter: a request whose answer breaks the document fails where the test sent it. */
class ContractFilterTest {
    private static final String THING = "/api/v1/things/8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11";
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static RequestSpecification client() {
        ApiContract contract = new ApiContract(ApiContractTest.DOCUMENT);
        return RestAssured.given().baseUri("http://127.0.0.1:" + server.port()).filter(new ContractFilter(() -> contract));
    }

    @Test
    void aDocumentedAnswerPassesThrough() {
        server.stubFor(get(urlPathEqualTo(THING)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\": {\"id\": \"8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11\", \"count\": 1}}")));
        assertThat(client().get(THING).jsonPath().getInt("data.count")).isEqualTo(1);
    }

    @Test
    void anUndocumentedStatusFailsTheRequest() {
        server.stubFor(get(urlPathEqualTo(THING)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"code\": \"service_unavailable\"}}")));
        assertThatThrownBy(() -> client().get(THING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 503 is not documented for getThing (GET /api/v1/things/{id})");
    }
}
