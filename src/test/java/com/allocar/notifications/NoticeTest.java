package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticeTest {
    private static final UUID USER = UUID.fromString("7d3f6f4e-0b5e-4a57-9d3e-2f55a1c9a001");

    @Test
    void missingValuesAreDropped() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("route", "A → B");
        vars.put("reason", null);
        Notice notice = Notice.of("booking:1:paid", USER, NotificationKind.booking_paid, vars, null);

        assertThat(notice.vars()).containsOnlyKeys("route");
        assertThat(notice.data()).isEmpty();
    }

    @Test
    void anEventKeyIsShortAndHasNoSeparator() {
        assertThatThrownBy(() -> Notice.of("", USER, NotificationKind.booking_paid, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of("a|b", USER, NotificationKind.booking_paid, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Notice.of("x".repeat(151), USER, NotificationKind.booking_paid, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dedupeKeysNameEventUserChannelAndDeviceWithoutTheToken() {
        assertThat(DedupeKeys.of("booking:1:paid", USER, OutboxChannel.sms, null))
                .isEqualTo("booking:1:paid|" + USER + "|sms");
        String push = DedupeKeys.of("booking:1:paid", USER, OutboxChannel.push, "fcm-token-abcdef");
        assertThat(push).startsWith("booking:1:paid|" + USER + "|push|").doesNotContain("fcm-token").hasSize(
                ("booking:1:paid|" + USER + "|push|").length() + 16);
        assertThat(DedupeKeys.of("booking:1:paid", USER, OutboxChannel.push, "another-token")).isNotEqualTo(push);
    }

    @Test
    void criticalKindsIgnoreQuietHoursAndFallBackToSms() {
        assertThat(NotificationKind.booking_paid.critical()).isTrue();
        assertThat(NotificationKind.trip_cancelled.ignoresQuietHours()).isTrue();
        assertThat(NotificationKind.trip_reminder_2h.ignoresQuietHours()).isTrue();
        assertThat(NotificationKind.trip_reminder_2h.critical()).isFalse();
        assertThat(NotificationKind.trip_reminder_24h.ignoresQuietHours()).isFalse();
        assertThat(NotificationKind.chat_message.emailed()).isFalse();
    }

    @Test
    void aPushPayloadCarriesItsDataAndFallback() {
        Notice notice = Notice.of("booking:1:paid", USER, NotificationKind.booking_paid, Map.of(),
                Map.of("booking_id", "b-1"));
        PushPayload payload = PushPayload.parse(NoticeDispatcher.pushPayload(notice, "+2250701020304",
                new Templates.Rendered("Paiement confirmé", "Bon voyage !")));

        assertThat(payload.data()).containsEntry("booking_id", "b-1").containsEntry("kind", "booking_paid")
                .containsEntry("event", "booking:1:paid");
        assertThat(payload.fallback()).contains(new PushPayload.Fallback("+2250701020304", "AlloCar : Bon voyage !"));
        assertThat(PushPayload.parse(NoticeDispatcher.pushPayload(notice, null,
                new Templates.Rendered("t", "b"))).fallback()).isEmpty();
        assertThat(PushPayload.parse("not json").data()).isEmpty();
    }
}
