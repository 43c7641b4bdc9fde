package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TripRulesTest {
    private static final GeoPoint ABIDJAN = new GeoPoint(5.3575, -4.0083);
    private static final GeoPoint YAMOUSSOUKRO = new GeoPoint(6.819, -5.276);

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(Runnable rule) {
        try {
            rule.run();
        } catch (ValidationException e) {
            return (Map<String, String>) e.details().get("fields");
        }
        throw new AssertionError("no validation_error");
    }

    @Test
    void stopsAreCheckedAndNamedByTheirIndex() {
        List<TripRules.StopSpec> stops = TripRules.stops(List.of(new TripStopInput(6.13, -5.0, null, " Toumodi ", null, false)),
                ABIDJAN, YAMOUSSOUKRO);
        assertThat(stops).containsExactly(new TripRules.StopSpec(new GeoPoint(6.13, -5.0), "Toumodi", true, false));
        assertThat(fields(() -> TripRules.stops(List.of(new TripStopInput(null, 181.0, " ", null, null, null)),
                ABIDJAN, YAMOUSSOUKRO))).containsOnlyKeys("stops[0].lat", "stops[0].lon", "stops[0].label");
        assertThat(fields(() -> TripRules.stops(List.of(new TripStopInput(6.13, -5.0, "a", null, null, null),
                new TripStopInput(6.1301, -5.0001, "b", null, null, null)), ABIDJAN, YAMOUSSOUKRO)))
                .containsOnlyKeys("stops[1]");
        assertThat(fields(() -> TripRules.stops(List.of(new TripStopInput(6.819, -5.276, "a", null, null, null)),
                ABIDJAN, YAMOUSSOUKRO))).containsEntry("stops[0]", "is the same place as the destination");
        assertThat(fields(() -> TripRules.stops(Collections.nCopies(9, new TripStopInput(6.1, -5.0, "a", null, null, null)),
                ABIDJAN, YAMOUSSOUKRO))).containsOnlyKeys("stops");
        assertThat(TripRules.stops(null, ABIDJAN, YAMOUSSOUKRO)).isEmpty();
    }

    @Test
    void departuresPricesAndEnds() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(fields(() -> TripRules.departure(now.plus(Duration.ofMinutes(14)), now))).containsKey("departure_time");
        assertThat(TripRules.departure(now.plus(Duration.ofMinutes(15)), now)).isEqualTo(now.plus(Duration.ofMinutes(15)));
        assertThat(TripRules.price(new BigDecimal("6000.00")).scale()).isZero();
        assertThat(fields(() -> TripRules.price(new BigDecimal("6000.50")))).containsKey("price_per_seat");
        assertThat(fields(() -> TripRules.distinctEnds(ABIDJAN, new GeoPoint(5.36, -4.01)))).containsKey("destination");
        assertThatThrownBy(() -> TripRules.distinctEnds(ABIDJAN, ABIDJAN)).isInstanceOf(ValidationException.class);
        TripRules.distinctEnds(ABIDJAN, YAMOUSSOUKRO);
    }
}
