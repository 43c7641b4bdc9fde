package com.allocar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** Assertions on the API's error answers, shared by the integration tests. */
public final class Answers {
    private Answers() {
    }

    /** The answer has this status and this catalogue code (the body is shown when it does not). */
    public static void assertError(Response response, int status, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("error.code")).as(response.asString()).isEqualTo(code);
    }

    /** A 400 validation_error naming {@code field} in details.fields. */
    public static void assertInvalid(Response response, String field) {
        assertError(response, 400, "validation_error");
        assertThat(response.jsonPath().getMap("error.details.fields")).as(response.asString()).containsKey(field);
    }
}
