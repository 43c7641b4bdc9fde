package com.allocar.platform;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

import com.allocar.testsupport.Clients;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Success and error envelopes (API-3, API-4) for every kind of failure the platform answers itself. */
class EnvelopeIT {

    @Test
    void successCarriesDataAndRequestId() {
        Clients.anonymous()
                .body("{\"first_name\":\"Awa\",\"seats\":2,\"email\":\"awa@example.ci\"}")
                .post("/api/v1/_probes/validated")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("data.first_name", equalTo("Awa"))
                .body("data.seats", equalTo(2))
                .body("meta.request_id", not(emptyOrNullString()));
    }

    @Test
    void unknownApiPathIsNotFoundEnvelope() {
        Clients.anonymous().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"))
                .body("error.message", not(emptyOrNullString()))
                .body("error.details", notNullValue())
                .body("meta.request_id", not(emptyOrNullString()));
    }

    @Test
    void unknownPathOutsideTheApiIsNotFoundEnvelopeToo() {
        Clients.anonymous().get("/definitely/not/here")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("not_found"));
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        Clients.anonymous().delete("/api/v1/_probes/validated")
                .then().statusCode(405)
                .body("error.code", equalTo("method_not_allowed"));
    }

    @Test
    void malformedJsonIsValidationError() {
        Clients.anonymous().body("{\"first_name\": \"Awa\", ").post("/api/v1/_probes/validated")
                .then().statusCode(400)
                .body("error.code", equalTo("validation_error"))
                .body("error.details.reason", equalTo("malformed_json"));
    }

    @Test
    void wrongJsonTypeIsValidationError() {
        Clients.anonymous().body("{\"first_name\":\"Awa\",\"seats\":\"many\"}").post("/api/v1/_probes/validated")
                .then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
    }

    @Test
    void beanValidationNamesEachBadFieldInSnakeCase() {
        Clients.anonymous().body("{\"first_name\":\"\",\"seats\":9,\"email\":\"not-an-email\"}")
                .post("/api/v1/_probes/validated")
                .then().statusCode(400)
                .body("error.code", equalTo("validation_error"))
                .body("error.details.fields", hasKey("first_name"))
                .body("error.details.fields", hasKey("seats"))
                .body("error.details.fields", hasKey("email"));
    }

    @Test
    void missingBodyIsValidationError() {
        Clients.anonymous().post("/api/v1/_probes/validated")
                .then().statusCode(400)
                .body("error.code", equalTo("validation_error"));
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        Clients.anonymous().contentType(ContentType.TEXT).body("hello").post("/api/v1/_probes/validated")
                .then().statusCode(415)
                .body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void unexpectedFailureIsInternalErrorWithoutInternals() {
        Clients.anonymous().get("/api/v1/_probes/failure")
                .then().statusCode(500)
                .body("error.code", equalTo("internal_error"))
                .body("error.message", not(containsString("secret")))
                .body("meta.request_id", not(emptyOrNullString()));
    }
}
