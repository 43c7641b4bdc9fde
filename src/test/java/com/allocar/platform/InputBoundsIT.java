package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.TestTokens;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VAL-1 and API-7: numbers in bodies are bounded while the body is read, before any check or arithmetic (a huge
 * exponent kept a thread busy for seconds), and page numbers are bounded on every list and on the search (an offset
 * past the range of an int was a 500).
 */
class InputBoundsIT {

    @ParameterizedTest
    @ValueSource(strings = {"1e9000000", "1e-9000000", "-1e999999999", "\"1e9000000\"",
            "99999999999999999999999999999999999999999999999999"})
    void aWithdrawalOfAnAbsurdNumberIsRefusedAtOnce(String amount) {
        Response answer = withdraw(amount);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error.code")).isEqualTo("validation_error");
        assertThat(answer.jsonPath().getString("error.details.reason")).isEqualTo("number_out_of_range");
    }

    @Test
    void aWithdrawalBeyondAnyBalanceIsAValidationError() {
        Response answer = withdraw("1e12");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error.details.fields.amount")).isNotBlank();
    }

    @Test
    void aSeatCountBeyondAnIntIsRefusedNotWrapped() {
        // 4294967297 used to be read as 1 (the low 32 bits) and booked one seat.
        Response answer = Clients.withToken(TestTokens.forNewUser())
                .body("{\"trip_id\": \"" + UUID.randomUUID() + "\", \"seats\": 4294967297}")
                .post("/api/v1/bookings");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error.details.reason")).isEqualTo("number_out_of_range");
    }

    @Test
    void thePublicSearchRefusesAPagePastTheLast() {
        Response answer = Clients.anonymous()
                .queryParam("from", "5.3575,-4.0083").queryParam("to", "7.6900,-5.0300")
                .queryParam("page", "21474838").queryParam("page_size", "100")
                .get("/api/v1/trips/search");
        assertPageRefused(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/bookings", "/api/v1/vehicles", "/api/v1/wallet/txns", "/api/v1/trips?mine=true"})
    void listsRefuseAPagePastTheLast(String list) {
        Response answer = Clients.withToken(TestTokens.forNewUser())
                .queryParam("page", "21474838").queryParam("page_size", "100")
                .get(list);
        assertPageRefused(answer);
    }

    @Test
    void aNumberFilterBeyondTheBoundsIsAValidationError() {
        Response answer = Clients.withToken(TestTokens.forNewUser())
                .queryParam("amount_gte", "1e9000000")
                .get("/api/v1/wallet/txns");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error.details.fields.amount_gte")).isNotBlank();
    }

    @Test
    void theLastPageAllowedStillAnswers() {
        Response answer = Clients.withToken(TestTokens.forNewUser())
                .queryParam("page", "10000").queryParam("page_size", "100")
                .get("/api/v1/bookings");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getList("data")).isEmpty();
    }

    private static Response withdraw(String amount) {
        return Clients.withToken(TestTokens.forNewUser())
                .body("{\"amount\": " + amount + ", \"method\": \"wave\", \"phone\": \"+2250701234567\"}")
                .post("/api/v1/wallet/withdraw");
    }

    private static void assertPageRefused(Response answer) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error.code")).isEqualTo("validation_error");
        assertThat(answer.jsonPath().getString("error.details.fields.page")).isEqualTo("must be between 1 and 10000");
    }
}
