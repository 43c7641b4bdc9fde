package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which trip changes can make a trip match a trip alert it did not match before (the matcher runs only on those). */
class TripChangedTest {
    private static final UUID TRIP = UUID.randomUUID();

    @Test
    void aListingChangeOrSeatsBackMayMatchMoreAlerts() {
        assertThat(new TripChanged(TRIP).what()).isEqualTo(TripChanged.What.listing);
        assertThat(new TripChanged(TRIP).mayMatchMoreAlerts()).isTrue();
        assertThat(new TripChanged(TRIP, TripChanged.What.seats_freed).mayMatchMoreAlerts()).isTrue();
    }

    @Test
    void aSeatTakenOrANewDriverRatingNever() {
        assertThat(new TripChanged(TRIP, TripChanged.What.seats_taken).mayMatchMoreAlerts()).isFalse();
        assertThat(new TripChanged(TRIP, TripChanged.What.driver_rating).mayMatchMoreAlerts()).isFalse();
    }
}
