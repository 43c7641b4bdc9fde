package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushSenderTest {
    private static final String UNREGISTERED = "{\"error\": {\"code\": 404, \"message\": \"Requested entity was not "
            + "found.\", \"status\": \"NOT_FOUND\", \"details\": [{\"@type\": "
            + "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\", \"errorCode\": \"UNREGISTERED\"}]}}";

    @Test
    void theMessageHasProvidersWireFormat() {
        JsonObject message = PushSender.message("tok-1", "Paiement confirmé", "Bon voyage !",
                Map.of("kind", "booking_paid", "booking_id", "b-1")).getJsonObject("message");

        assertThat(message.getString("token")).isEqualTo("tok-1");
        assertThat(message.getJsonObject("notification").getString("title")).isEqualTo("Paiement confirmé");
        assertThat(message.getJsonObject("notification").getString("body")).isEqualTo("Bon voyage !");
        assertThat(message.getJsonObject("data").getString("booking_id")).isEqualTo("b-1");
        assertThat(message.getJsonObject("android").getString("priority")).isEqualTo("high");
        assertThat(message.getJsonObject("apns").getJsonObject("headers").getString("apns-priority")).isEqualTo("10");
    }

    @Test
    void anAcceptedMessageIsNoFailure() {
        assertThat(PushSender.failureFor(200, "{\"name\": \"projects/p/messages/1\"}")).isNull();
    }

    @Test
    void anUnregisteredTokenIsGone() {
        DeliveryException failure = PushSender.failureFor(404, UNREGISTERED);

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure.isRecipientGone()).isTrue();
        assertThat(failure.getMessage()).contains("404").contains("UNREGISTERED");
        assertThat(PushSender.failureFor(400, UNREGISTERED.replace("404", "400")).isRecipientGone()).isTrue();
        assertThat(PushSender.failureFor(403, "{\"error\": {\"status\": \"PERMISSION_DENIED\", \"details\": "
                + "[{\"errorCode\": \"SENDER_ID_MISMATCH\"}]}}").isRecipientGone()).isTrue();
    }

    @Test
    void overloadServerErrorsAndAnExpiredBearerAreRetried() {
        for (int status : new int[] {401, 408, 429, 500, 503}) {
            DeliveryException failure = PushSender.failureFor(status, "{\"error\": {\"status\": \"UNAVAILABLE\"}}");
            assertThat(failure.isPermanent()).as("HTTP " + status).isFalse();
            assertThat(failure.isRecipientGone()).isFalse();
        }
    }

    @Test
    void aBadMessageIsPermanentButKeepsTheDevice() {
        DeliveryException failure = PushSender.failureFor(400, "{\"error\": {\"status\": \"INVALID_ARGUMENT\"}}");

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure.isRecipientGone()).isFalse();
        assertThat(failure.getMessage()).contains("INVALID_ARGUMENT");
    }

    @Test
    void errorCodesAreReadFromWhateverComesBack() {
        assertThat(PushSender.errorCode(UNREGISTERED)).isEqualTo("UNREGISTERED");
        assertThat(PushSender.errorCode("{\"error\": {\"status\": \"QUOTA_EXCEEDED\"}}")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(PushSender.errorCode("<html>Bad gateway</html>")).isNull();
        assertThat(PushSender.errorCode("")).isNull();
        assertThat(PushSender.errorCode(null)).isNull();
    }

    @Test
    void credentialsThatAreNoKeyFailWithoutEchoingThem() {
        assertThatThrownBy(() -> PushSender.credentials("{\"type\": \"service_account\", \"private_key\": \"secret\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PushSender.credentials("/no/such/file.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FCM_CREDENTIALS");
    }
}
