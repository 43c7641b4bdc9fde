package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TripSearchParametersTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return query;
    }

    @Test
    void defaultsAreTwentyFiveKilometresOneSeatAndTheNextThirtyDays() {
        TripSearchCriteria criteria = TripSearchParameters.parse(query("from", "5.3575,-4.0083", "to", "6.819, -5.276"), CLOCK);
        assertThat(criteria.from()).isEqualTo(new GeoPoint(5.3575, -4.0083));
        assertThat(criteria.to()).isEqualTo(new GeoPoint(6.819, -5.276));
        assertThat(criteria.radiusM()).isEqualTo(25_000);
        assertThat(criteria.seats()).isEqualTo(1);
        assertThat(criteria.departureAfter()).isEqualTo(NOW);
        assertThat(criteria.departureBefore()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(criteria.sort()).hasSize(1).first().extracting("field").isEqualTo("departure_time");
    }

    @Test
    void aDateIsTheWholeUtcDayAndTodayIsAllowed() {
        TripSearchCriteria criteria = TripSearchParameters.parse(
                query("from", "5.3,-4", "to", "6.8,-5.2", "date", "2026-11-25"), CLOCK);
        assertThat(criteria.departureAfter()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(criteria.departureBefore()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    }

    @Test
    void equalQueriesAreEqualCacheKeys() {
        Map<String, List<String>> q = query("from", "5.3,-4", "to", "6.8,-5.2", "date", "2026-11-26", "sort", "-price_per_seat");
        assertThat(TripSearchParameters.parse(q, CLOCK)).isEqualTo(TripSearchParameters.parse(q,
                Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC)));
    }

    @Test
    void searchesStayBetweenTheLatitudesTheGridServes() {
        assertThatThrownBy(() -> TripSearchParameters.parse(query("from", "70.5,10", "to", "-89.9,-5.2"), CLOCK))
                .isInstanceOf(ValidationException.class)
                .extracting("details").asString()
                .contains("from=the search serves latitudes from -70 to 70")
                .contains("to=the search serves latitudes from -70 to 70");
        assertThat(TripSearchParameters.parse(query("from", "70,10", "to", "-70,-5.2"), CLOCK).to())
                .isEqualTo(new GeoPoint(-70, -5.2));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> TripSearchParameters.parse(query("from", "5.3", "to", "6.8,-190", "seats", "0",
                "radius_km", "0", "driver_rating", "6", "comfort", "luxury", "date", "2026-11-24"), CLOCK))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).isNotBlank())
                .extracting("details").asString()
                .contains("from", "to", "seats", "radius_km", "driver_rating", "comfort", "date");
    }

    @Test
    void aWindowMustBeOrderedInTheFutureAndBounded() {
        assertThatThrownBy(() -> TripSearchParameters.parse(query("from", "5.3,-4", "to", "6.8,-5.2",
                "departure_after", "2026-11-27T00:00:00Z", "departure_before", "2026-11-26T00:00:00Z"), CLOCK))
                .extracting("details").asString().contains("departure_before");
        assertThatThrownBy(() -> TripSearchParameters.parse(query("from", "5.3,-4", "to", "6.8,-5.2",
                "departure_before", "2027-03-01T00:00:00Z"), CLOCK))
                .extracting("details").asString().contains("at most 62 days");
        assertThatThrownBy(() -> TripSearchParameters.parse(query("from", "5.3,-4", "to", "6.8,-5.2",
                "departure_before", "2026-11-25T09:00:00Z"), CLOCK))
                .extracting("details").asString().contains("must be in the future");
    }

    @Test
    void cachedSearchesAreDroppedWhenALegOfAChangedTripMatchesThem() {
        TripSearchCriteria criteria = TripSearchParameters.parse(
                query("from", "5.3575,-4.0083", "to", "6.819,-5.276", "date", "2026-11-26", "radius_km", "10"), CLOCK);
        Instant tomorrowNoon = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(TripSearchCache.matches(criteria,
                new TripSearchRepository.Leg(5.40, -4.0, 6.80, -5.30, tomorrowNoon))).isTrue();
        assertThat(TripSearchCache.matches(criteria,
                new TripSearchRepository.Leg(5.50, -4.0, 6.80, -5.30, tomorrowNoon))).as("pickup 16 km away").isFalse();
        assertThat(TripSearchCache.matches(criteria,
                new TripSearchRepository.Leg(5.40, -4.0, 6.80, -5.30, tomorrowNoon.plus(Duration.ofDays(1))))).isFalse();
        assertThat(new GeoPoint(5.3575, -4.0083).metersTo(new GeoPoint(6.819, -5.276))).isBetween(214_000.0, 216_000.0);
    }
}
