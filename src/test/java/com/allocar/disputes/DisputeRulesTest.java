package com.allocar.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.bookings.BookingStatus;
import com.allocar.platform.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisputeRulesTest {
    private static final Instant DEPARTURE = Instant.parse("2026-03-12T07:30:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    @Test
    void onlyPaidAndCompletedBookingsMayBeDisputed() {
        for (BookingStatus status : BookingStatus.values()) {
            boolean allowed = status == BookingStatus.paid || status == BookingStatus.completed;
            var check = assertThatCode(() -> DisputeRules.requireOpenable(status, DEPARTURE, null, DEPARTURE, WINDOW));
            if (allowed) {
                check.doesNotThrowAnyException();
            } else {
                check.isInstanceOf(ConflictException.class);
            }
        }
    }

    @Test
    void theWindowRunsFromTheLaterOfDepartureAndCompletion() {
        Instant completed = DEPARTURE.plus(Duration.ofHours(5));
        assertThat(DisputeRules.closesAt(DEPARTURE, null, WINDOW)).isEqualTo(DEPARTURE.plus(WINDOW));
        assertThat(DisputeRules.closesAt(DEPARTURE, completed, WINDOW)).isEqualTo(completed.plus(WINDOW));
        // a ride ended early (before the planned departure) still counts from the departure
        assertThat(DisputeRules.closesAt(DEPARTURE, DEPARTURE.minusSeconds(60), WINDOW))
                .isEqualTo(DEPARTURE.plus(WINDOW));
        Instant last = completed.plus(WINDOW);
        assertThatCode(() -> DisputeRules.requireOpenable(BookingStatus.completed, DEPARTURE, completed, last, WINDOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DisputeRules.requireOpenable(BookingStatus.completed, DEPARTURE, completed,
                last.plusSeconds(1), WINDOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details())
                        .containsEntry("reason", "window_closed").containsEntry("closed_at", last.toString()));
    }

    @Test
    void statesMoveOpenInvestigatingThenResolvedOrRejected() {
        assertThat(DisputeStatus.open.canMoveTo(DisputeStatus.investigating)).isTrue();
        assertThat(DisputeStatus.open.canMoveTo(DisputeStatus.resolved)).isFalse();
        assertThat(DisputeStatus.open.canMoveTo(DisputeStatus.rejected)).isFalse();
        assertThat(DisputeStatus.investigating.canMoveTo(DisputeStatus.resolved)).isTrue();
        assertThat(DisputeStatus.investigating.canMoveTo(DisputeStatus.rejected)).isTrue();
        assertThat(DisputeStatus.investigating.canMoveTo(DisputeStatus.open)).isFalse();
        for (DisputeStatus closed : new DisputeStatus[] {DisputeStatus.resolved, DisputeStatus.rejected}) {
            for (DisputeStatus target : DisputeStatus.values()) {
                assertThat(closed.canMoveTo(target)).isFalse();
            }
        }
        assertThatThrownBy(() -> DisputeStatus.resolved.requireTransitionTo(DisputeStatus.investigating))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details())
                        .isEqualTo(Map.of("from", "resolved", "to", "investigating")));
    }
}
