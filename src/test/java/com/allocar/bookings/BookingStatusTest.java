package com.allocar.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ConflictException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookingStatusTest {

    @Test
    void theAllowedMovesAreExactlyThoseOfBook3() {
        List<String> allowed = new ArrayList<>();
        for (BookingStatus from : BookingStatus.values()) {
            for (BookingStatus to : BookingStatus.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("pending>accepted", "pending>cancelled", "accepted>paid",
                "accepted>cancelled", "paid>completed", "paid>cancelled");
    }

    @Test
    void anyOtherMoveIsAConflictNamingBothStates() {
        assertThatThrownBy(() -> BookingStatus.completed.requireTransitionTo(BookingStatus.cancelled))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).details())
                        .containsEntry("from", "completed").containsEntry("to", "cancelled"));
        assertThatThrownBy(() -> BookingStatus.pending.requireTransitionTo(BookingStatus.paid))
                .isInstanceOf(ConflictException.class);
    }
}
