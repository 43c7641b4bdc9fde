package com.allocar.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TripStatusTest {

    @Test
    void theAllowedTransitionsAreExactlyThoseOfTrip2() {
        Set<String> allowed = new java.util.TreeSet<>();
        for (TripStatus from : TripStatus.values()) {
            for (TripStatus to : TripStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("draft->published", "draft->cancelled", "published->ongoing",
                "published->cancelled", "ongoing->completed");
    }

    @Test
    void anIllegalTransitionIsAConflictNamingBothStates() {
        assertThatThrownBy(() -> TripStatus.completed.requireTransitionTo(TripStatus.cancelled))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.conflict);
                    assertThat(e.details()).containsEntry("from", "completed").containsEntry("to", "cancelled");
                });
        TripStatus.draft.requireTransitionTo(TripStatus.published);
    }

    @Test
    void onlyDraftsAndPublishedTripsChangeAndOnlyLiveOnesArePublic() {
        assertThat(EnumSet.allOf(TripStatus.class).stream().filter(TripStatus::editable))
                .containsExactly(TripStatus.draft, TripStatus.published);
        assertThat(EnumSet.allOf(TripStatus.class).stream().filter(TripStatus::isPublic))
                .containsExactly(TripStatus.published, TripStatus.ongoing, TripStatus.completed);
    }
}
