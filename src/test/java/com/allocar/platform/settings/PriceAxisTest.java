package com.allocar.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.geo.GeoPoint;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceAxisTest {
    private static final GeoPoint PLATEAU = new GeoPoint(5.3575, -4.0083);
    private static final GeoPoint COCODY = new GeoPoint(5.36, -3.95);
    private static final GeoPoint YAMOUSSOUKRO = new GeoPoint(6.819, -5.276);
    private static final GeoPoint BOUAKE = new GeoPoint(7.69, -5.03);
    private static final GeoPoint KORHOGO = new GeoPoint(9.45, -5.63);

    private static List<PriceAxis> defaults() {
        return PriceAxis.parseAll(SettingKey.PRICE_AXES.defaultValue());
    }

    @Test
    void theDefaultAxesMatchInBothDirectionsAndOnlyNearTheirEnds() {
        PriceAxis yamoussoukro = Settings.closestAxis(defaults(), PLATEAU, YAMOUSSOUKRO).orElseThrow();
        assertThat(yamoussoukro.name()).isEqualTo("Abidjan–Yamoussoukro");
        assertThat(yamoussoukro.floor()).isEqualByComparingTo("3000");
        assertThat(yamoussoukro.ceiling()).isEqualByComparingTo("10000");
        assertThat(Settings.closestAxis(defaults(), YAMOUSSOUKRO, COCODY)).contains(yamoussoukro);
        assertThat(Settings.closestAxis(defaults(), BOUAKE, PLATEAU).map(PriceAxis::name)).contains("Abidjan–Bouaké");
        assertThat(Settings.closestAxis(defaults(), PLATEAU, KORHOGO)).isEmpty();
        assertThat(Settings.closestAxis(defaults(), YAMOUSSOUKRO, BOUAKE)).isEmpty();
        assertThat(yamoussoukro.allows(new BigDecimal("3000"))).isTrue();
        assertThat(yamoussoukro.allows(new BigDecimal("10000"))).isTrue();
        assertThat(yamoussoukro.allows(new BigDecimal("10001"))).isFalse();
        assertThat(yamoussoukro.allows(new BigDecimal("2999"))).isFalse();
    }

    @Test
    void theClosestOfOverlappingAxesWins() {
        PriceAxis wide = new PriceAxis("wide", PLATEAU, YAMOUSSOUKRO, 100, BigDecimal.ONE, BigDecimal.TEN);
        PriceAxis exact = new PriceAxis("exact", PLATEAU, YAMOUSSOUKRO, 5, BigDecimal.ONE, BigDecimal.TEN);
        PriceAxis shifted = new PriceAxis("shifted", COCODY, YAMOUSSOUKRO, 100, BigDecimal.ONE, BigDecimal.TEN);
        assertThat(Settings.closestAxis(List.of(wide, shifted, exact), PLATEAU, YAMOUSSOUKRO).map(PriceAxis::name))
                .contains("wide");
        assertThat(Settings.closestAxis(List.of(shifted, exact), PLATEAU, YAMOUSSOUKRO).map(PriceAxis::name))
                .contains("exact");
    }

    @Test
    void malformedAxesAreRefusedSayingWhy() {
        assertThatThrownBy(() -> PriceAxis.parseAll(SettingKey.parse("{}"))).hasMessageContaining("array");
        assertThatThrownBy(() -> PriceAxis.parseAll(SettingKey.parse("[{\"name\": \"x\", \"ends\": [{\"lat\": 5, \"lon\": -4},"
                + " {\"lat\": 95, \"lon\": -5}], \"radius_km\": 20, \"floor\": 1, \"ceiling\": 2}]"))).hasMessageContaining("axis 0");
        assertThatThrownBy(() -> PriceAxis.parseAll(SettingKey.parse("[{\"name\": \"x\", \"ends\": [{\"lat\": 5, \"lon\": -4},"
                + " {\"lat\": 6, \"lon\": -5}], \"radius_km\": 20, \"floor\": 1.5, \"ceiling\": 2}]"))).hasMessageContaining("whole");
        assertThatThrownBy(() -> PriceAxis.parseAll(SettingKey.parse("[{\"name\": \"x\", \"ends\": [{\"lat\": 5, \"lon\": -4},"
                + " {\"lat\": 6, \"lon\": -5}], \"radius_km\": 0, \"floor\": 1, \"ceiling\": 2}]"))).hasMessageContaining("radius_km");
    }
}
