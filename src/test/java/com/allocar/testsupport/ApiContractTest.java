package com.allocar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The contract check itself: what it accepts and what it refuses, and that a refusal says where to look. */
class ApiContractTest {
    static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/v1/things/{id}": {"get": {"operationId": "getThing", "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object",
                   "required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/Thing"}}}}}},
                 "404": {"description": "no", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}},
                 "204": {"description": "nothing"}}}},
               "/api/v1/things/search": {"get": {"operationId": "searchThings", "responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array"}}}}}}}
             },
             "components": {"schemas": {
               "Thing": {"type": "object", "required": ["id", "count"], "properties": {
                 "id": {"type": "string", "format": "uuid"},
                 "count": {"type": "integer", "minimum": 0},
                 "code": {"type": "string", "pattern": "^(?:[A-Z]{3})$"}}},
               "ErrorEnvelope": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
                 "required": ["code"], "properties": {"code": {"type": "string"}}}}}}}}
            """;
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String THING = "/api/v1/things/8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11";

    private final ApiContract contract = new ApiContract(DOCUMENT);

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsAnAnswerTheDocumentDescribes() {
        assertThat(contract.violations("GET", THING, 200, JSON,
                body("{\"data\": {\"id\": \"8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11\", \"count\": 2, \"code\": \"ABC\"}}")))
                .isEmpty();
        assertThat(contract.violations("GET", THING, 204, null, new byte[0])).isEmpty();
        assertThat(contract.violations("GET", THING, 404, JSON, body("{\"error\": {\"code\": \"not_found\"}}"))).isEmpty();
    }

    @Test
    void refusesAStatusTheOperationDoesNotDocument() {
        assertThat(contract.violations("GET", THING, 409, JSON, body("{\"error\": {\"code\": \"conflict\"}}")))
                .singleElement().asString()
                .contains("GET " + THING + " → 409", "status 409 is not documented for getThing (GET /api/v1/things/{id})",
                        "documented: [200, 404, 204]");
    }

    @Test
    void refusesABodyThatDoesNotMatchItsSchema() {
        assertThat(contract.violations("GET", THING, 200, JSON, body("{\"data\": {\"id\": \"not-a-uuid\", \"count\": -1}}")))
                .hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("getThing", "response 200", "/data/id",
                        "#/components/schemas/Thing/properties/id/format"))
                .anySatisfy(problem -> assertThat(problem).contains("/data/count", "minimum"));
        assertThat(contract.violations("GET", THING, 200, JSON, body("{\"data\": {\"id\": \"8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11\"}}")))
                .singleElement().asString().contains("count");
        assertThat(contract.violations("GET", THING, 200, JSON,
                body("{\"data\": {\"id\": \"8d0f3c1e-8f4e-4a8e-9d1a-1d6f0c6b2a11\", \"count\": 1, \"code\": \"ABCD\"}}")))
                .singleElement().asString().contains("/data/code");
    }

    @Test
    void refusesABodyWhereTheDocumentDescribesNoneAndAnUndocumentedContentType() {
        assertThat(contract.violations("GET", THING, 204, JSON, body("{}"))).singleElement().asString()
                .contains("a body was sent but the document describes none");
        assertThat(contract.violations("GET", THING, 200, "text/html", body("<p>hi</p>"))).singleElement().asString()
                .contains("content type text/html is not documented");
    }

    @Test
    void aLiteralSegmentWinsOverATemplate() {
        assertThat(contract.violations("GET", "/api/v1/things/search", 200, JSON, body("[]"))).isEmpty();
    }

    @Test
    void anUndocumentedRouteMayOnlyBeRefusedInTheErrorEnvelope() {
        assertThat(contract.violations("GET", "/api/v1/nothing", 404, JSON, body("{\"error\": {\"code\": \"not_found\"}}")))
                .isEmpty();
        assertThat(contract.violations("DELETE", THING, 405, JSON, body("{\"error\": {\"code\": \"method_not_allowed\"}}")))
                .isEmpty();
        assertThat(contract.violations("GET", "/api/v1/nothing", 200, JSON, body("{}"))).singleElement().asString()
                .contains("no operation GET in the document matches /api/v1/nothing");
        assertThat(contract.violations("GET", "/api/v1/nothing", 404, "text/plain", body("gone"))).isNotEmpty();
    }

    @Test
    void pathsOutsideTheApiAndTheProbesAreNotChecked() {
        assertThat(contract.violations("GET", "/health/ready", 200, "text/plain", body("up"))).isEmpty();
        assertThat(contract.violations("POST", "/api/v1/_probes/validated", 418, JSON, body("{}"))).isEmpty();
    }

    @Test
    void aMismatchFailsWithTheOperationStatusAndSchemaPath() {
        assertThatThrownBy(() -> contract.assertConforms("GET", THING, 200, JSON, body("{\"data\": {\"count\": 1}}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The answer breaks the OpenAPI document")
                .hasMessageContaining("getThing (GET /api/v1/things/{id})")
                .hasMessageContaining("response 200")
                .hasMessageContaining("#/components/schemas/Thing/required")
                .hasMessageContaining("body: {\"data\": {\"count\": 1}}");
    }
}
