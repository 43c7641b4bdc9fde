package com.allocar.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API-9: the request id is accepted or created, and echoed in the header and in meta.request_id. */
class RequestIdIT {

    @Test
    void acceptsAndEchoesTheClientsId() {
        String id = "mobile-" + UUID.randomUUID();
        Response response = Clients.anonymous().header("X-Request-ID", id).get("/api/v1/no-such-thing");
        assertThat(response.header("X-Request-ID")).isEqualTo(id);
        assertThat(response.jsonPath().getString("meta.request_id")).isEqualTo(id);
    }

    @Test
    void createsAnIdWhenNoneIsGiven() {
        Response response = Clients.anonymous()
                .body("{\"first_name\":\"Kofi\",\"seats\":1}").post("/api/v1/_probes/validated");
        String id = response.header("X-Request-ID");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.jsonPath().getString("meta.request_id")).isEqualTo(id);
    }

    @Test
    void replacesAnUnacceptableId() {
        Response response = Clients.anonymous().header("X-Request-ID", "bad id with spaces <script>")
                .get("/api/v1/no-such-thing");
        String id = response.header("X-Request-ID");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.jsonPath().getString("meta.request_id")).isEqualTo(id);
    }

    @Test
    void eachRequestGetsItsOwnId() {
        String first = Clients.anonymous().get("/api/v1/no-such-thing").header("X-Request-ID");
        String second = Clients.anonymous().get("/api/v1/no-such-thing").header("X-Request-ID");
        assertThat(first).isNotEqualTo(second);
    }
}
