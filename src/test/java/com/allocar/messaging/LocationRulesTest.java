package com.allocar.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocationRulesTest {
    private static final Instant NOW = Instant.parse("2026-05-12T07:30:00Z");
    private static final GeoPoint PLATEAU = new GeoPoint(5.3575, -4.0083);

    private static LocationRules.Previous previous(GeoPoint point, int secondsAgo) {
        return new LocationRules.Previous(point, NOW.minusSeconds(secondsAgo), NOW.minusSeconds(secondsAgo));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            return (Map<String, String>) e.details().get("fields");
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aPositionInRangeIsAccepted() {
        LocationFix fix = LocationRules.check(5.3575, -4.0083, 359.9, 33.0, NOW.minusSeconds(5), NOW, null);
        assertThat(fix.point()).isEqualTo(PLATEAU);
        assertThat(fix.at()).isEqualTo(NOW.minusSeconds(5));
        assertThat(LocationRules.check(-90, 180, null, null, null, NOW, null).at()).as("now by default").isEqualTo(NOW);
    }

    @Test
    void coordinatesHeadingSpeedAndTimeMustBeInRange() {
        assertThat(fields(() -> LocationRules.check(90.01, 0.5, null, null, null, NOW, null))).containsKey("lat");
        assertThat(fields(() -> LocationRules.check(5, -180.5, null, null, null, NOW, null))).containsKey("lon");
        assertThat(fields(() -> LocationRules.check(Double.NaN, 1, null, null, null, NOW, null))).containsKey("lat");
        assertThat(fields(() -> LocationRules.check(0, 0, null, null, null, NOW, null))).containsKey("lat");
        assertThat(fields(() -> LocationRules.check(5, -4, 360.0, null, null, NOW, null))).containsKey("heading");
        assertThat(fields(() -> LocationRules.check(5, -4, -1.0, null, null, NOW, null))).containsKey("heading");
        assertThat(fields(() -> LocationRules.check(5, -4, null, -0.1, null, NOW, null))).containsKey("speed");
        assertThat(fields(() -> LocationRules.check(5, -4, null, 91.0, null, NOW, null))).containsKey("speed");
        assertThat(fields(() -> LocationRules.check(5, -4, null, null, NOW.plusSeconds(31), NOW, null)))
                .containsKey("at");
        assertThat(fields(() -> LocationRules.check(5, -4, null, null, NOW.minusSeconds(61), NOW, null)))
                .containsKey("at");
        assertThat(fields(() -> LocationRules.check(95, 200, 400.0, null, null, NOW, null)))
                .containsOnlyKeys("lat", "lon", "heading");
    }

    @Test
    void oneFixEveryTwoSecondsAndAfterThePreviousOne() {
        assertThatThrownBy(() -> LocationRules.check(5.358, -4.0083, null, null, null, NOW, previous(PLATEAU, 1)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.details()).containsEntry("scope", "location");
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        assertThat(LocationRules.check(5.358, -4.0083, null, null, null, NOW, previous(PLATEAU, 2)).at())
                .isEqualTo(NOW);
        assertThat(fields(() -> LocationRules.check(5.358, -4.0083, null, null, NOW.minusSeconds(3), NOW,
                previous(PLATEAU, 2)))).containsKey("at");
    }

    @Test
    void aJumpNoCarCouldMakeIsRefused() {
        // 0.01° of latitude ≈ 1.1 km: in 10 s that is 111 m/s, in 60 s 18.5 m/s (67 km/h).
        assertThatThrownBy(() -> LocationRules.check(5.3675, -4.0083, null, null, null, NOW, previous(PLATEAU, 10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.details()).containsEntry("reason", "implausible_speed");
                    assertThat((Long) e.details().get("implied_speed_mps")).isBetween(110L, 112L);
                });
        assertThat(LocationRules.check(5.3675, -4.0083, null, null, null, NOW, previous(PLATEAU, 60)).point().lat())
                .isEqualTo(5.3675);
    }
}
