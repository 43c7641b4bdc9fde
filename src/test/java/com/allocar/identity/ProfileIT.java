package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUTH-6: GET and PATCH /me, for the signed-in user only. */
class ProfileIT {

    @Test
    void patchChangesOnlyTheGivenFields() {
        String token = TestTokens.forNewUser();
        JsonPath updated = Clients.withToken(token)
                .body(Clients.json(Map.of("first_name", "Aya", "last_name", "Konan", "gender", "female",
                        "birthdate", "1994-03-12", "preferences", Map.of("music", true, "smoking", false))))
                .patch("/api/v1/me").then().statusCode(200).extract().jsonPath();
        assertThat(updated.getString("data.last_name")).isEqualTo("Konan");
        assertThat(updated.getString("data.birthdate")).isEqualTo("1994-03-12");
        assertThat(updated.getBoolean("data.preferences.music")).isTrue();

        JsonPath again = Clients.withToken(token).body(Clients.json(Map.of("first_name", "Ayaa")))
                .patch("/api/v1/me").then().statusCode(200).extract().jsonPath();
        assertThat(again.getString("data.first_name")).isEqualTo("Ayaa");
        assertThat(again.getString("data.last_name")).as("untouched").isEqualTo("Konan");
        assertThat(Clients.withToken(token).get("/api/v1/me").jsonPath().getString("data.gender")).isEqualTo("female");
    }

    @Test
    void invalidValuesAreValidationErrors() {
        String token = TestTokens.forNewUser();
        Response future = Clients.withToken(token)
                .body(Clients.json(Map.of("birthdate", LocalDate.now().plusDays(1).toString()))).patch("/api/v1/me");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.jsonPath().getString("error.details.fields.birthdate")).isNotBlank();

        Response tooYoung = Clients.withToken(token)
                .body(Clients.json(Map.of("birthdate", LocalDate.now().minusYears(10).toString()))).patch("/api/v1/me");
        assertThat(tooYoung.statusCode()).isEqualTo(400);

        Response badGender = Clients.withToken(token).body(Clients.json(Map.of("gender", "robot"))).patch("/api/v1/me");
        assertThat(badGender.statusCode()).isEqualTo(400);
        assertThat(badGender.jsonPath().getString("error.code")).isEqualTo("validation_error");
    }

    @Test
    void onlyForSignedInUsers() {
        assertThat(Clients.anonymous().get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(Clients.withToken(TestTokens.forAdmin("super")).get("/api/v1/me").statusCode()).isEqualTo(403);
    }
}
