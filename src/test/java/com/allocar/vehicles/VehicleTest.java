package com.allocar.vehicles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VehicleTest {
    private final UUID owner = UUID.randomUUID();

    private Vehicle verifiedCar() {
        Vehicle vehicle = new Vehicle(owner, "Toyota", "Corolla", "1234AB01", 4, ComfortLevel.standard);
        vehicle.setVerified(true);
        return vehicle;
    }

    @Test
    void theOwnerIsTheUser() {
        assertThat(verifiedCar().ownerId()).isEqualTo(owner);
    }

    @Test
    void changingWhatThePapersShowNeedsANewCheck() {
        Vehicle vehicle = verifiedCar();
        assertThat(vehicle.changeRegistration("Toyota", "Corolla", "1234AB01")).isFalse();
        assertThat(vehicle.isVerified()).isTrue();

        assertThat(vehicle.changeRegistration("Toyota", "Corolla", "5678CD01")).isTrue();
        assertThat(vehicle.getPlateNumber()).isEqualTo("5678CD01");
        assertThat(vehicle.isVerified()).isFalse();
    }

    @Test
    void otherChangesKeepTheCheck() {
        Vehicle vehicle = verifiedCar();
        vehicle.setColor("Rouge");
        vehicle.setSeatsTotal(3);
        assertThat(vehicle.isVerified()).isTrue();
    }

    @Test
    void atLeastOneSeat() {
        assertThatThrownBy(() -> verifiedCar().setSeatsTotal(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelYearsFrom1950ToNextYear() {
        Clock in2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(VehicleRules.year(1950, in2026)).isEqualTo(1950);
        assertThat(VehicleRules.year(2027, in2026)).isEqualTo(2027);
        assertThat(VehicleRules.year(null, in2026)).isNull();
        assertThatThrownBy(() -> VehicleRules.year(2028, in2026)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> VehicleRules.year(1949, in2026)).isInstanceOf(ValidationException.class);
    }

    @Test
    void emptyColourMeansNone() {
        assertThat(VehicleRules.color("  ")).isNull();
        assertThat(VehicleRules.color(" Gris ")).isEqualTo("Gris");
    }
}
