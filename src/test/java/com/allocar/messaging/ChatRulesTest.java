package com.allocar.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.bookings.BookingStatus;
import com.allocar.platform.errors.ConflictException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChatRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void openBookingsTakeMessages() {
        for (BookingStatus status : new BookingStatus[] {BookingStatus.pending, BookingStatus.accepted,
                BookingStatus.paid}) {
            assertThatCode(() -> ChatRules.requireOpen(status, null, NOW, WEEK)).doesNotThrowAnyException();
        }
    }

    @Test
    void aCompletedRideTakesMessagesForTheGracePeriodOnly() {
        assertThatCode(() -> ChatRules.requireOpen(BookingStatus.completed, NOW.minus(WEEK).plusSeconds(1), NOW,
                WEEK)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChatRules.requireOpen(BookingStatus.completed, NOW.minus(WEEK), NOW, WEEK))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.details()).containsEntry("reason", "chat_closed")
                            .containsEntry("closed_at", NOW.toString());
                });
        assertThatThrownBy(() -> ChatRules.requireOpen(BookingStatus.completed, NOW, NOW, Duration.ZERO))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aCancelledBookingTakesNone() {
        assertThatThrownBy(() -> ChatRules.requireOpen(BookingStatus.cancelled, null, NOW, WEEK))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details()).containsEntry("reason", "booking_cancelled"));
    }

    @Test
    void textsAreMaskedUntilPaid() {
        assertThat(ChatRules.masks(BookingStatus.pending)).isTrue();
        assertThat(ChatRules.masks(BookingStatus.accepted)).isTrue();
        assertThat(ChatRules.masks(BookingStatus.paid)).isFalse();
        assertThat(ChatRules.masks(BookingStatus.completed)).isFalse();
    }
}
