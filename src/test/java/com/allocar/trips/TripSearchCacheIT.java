package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.ItServer;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Searches are cached for a few seconds, yet a trip created, changed or cancelled through the API is seen by
 * the very next identical search: the cache drops what the change touches (TripChanged, after commit).
 */
class TripSearchCacheIT {

    @BeforeAll
    static void server() {
        ItServer.awaitReady();
    }

    @Test
    void theSameSearchSeesEveryChangeMadeThroughTheApi() {
        SearchArea area = SearchArea.fresh();
        TripFixtures.Driver driver = TripFixtures.approvedDriver();
        Map<String, Object> query = Map.of("from", area.param(0.5, 0), "to", area.param(0, 149.5),
                "departure_after", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "departure_before", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());

        assertThat(search(query).getList("data")).as("nothing there yet, and now cached").isEmpty();

        String first = TripFixtures.create(driver.token(),
                TripFixtures.between(area.at(0, 0), area.at(0, 150), 1)).getString("data.id");
        JsonPath found = search(query);
        assertThat(found.getList("data.id", String.class)).as("a new trip").containsExactly(first);
        assertThat(found.getInt("data[0].price_per_seat")).isEqualTo(6000);

        TripFixtures.patch(driver.token(), first, Map.of("price_per_seat", 4500)).then().statusCode(200);
        assertThat(search(query).getInt("data[0].price_per_seat")).as("a changed price").isEqualTo(4500);

        String second = TripFixtures.create(driver.token(),
                TripFixtures.between(area.at(0, 1), area.at(0, 151), 2)).getString("data.id");
        assertThat(search(query).getList("data.id", String.class)).as("another trip")
                .containsExactly(first, second);

        TripFixtures.action(driver.token(), first, "cancel", "{\"reason\":\"panne\"}").then().statusCode(200);
        assertThat(search(query).getList("data.id", String.class)).as("a cancelled trip").containsExactly(second);
    }

    private static JsonPath search(Map<String, ?> query) {
        return Clients.anonymous().queryParams(query).get("/api/v1/trips/search")
                .then().statusCode(200).extract().jsonPath();
    }
}
