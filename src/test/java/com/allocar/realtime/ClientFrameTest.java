package com.allocar.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ValidationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientFrameTest {

    @Test
    void aFrameIsAJsonObjectWithAType() {
        ClientFrame frame = ClientFrame.parse("{\"type\":\"location\",\"lat\":5.35,\"lon\":-4,\"at\":\"2026-05-12T07:30:00Z\","
                + "\"client_id\":\"c1\",\"speed\":null}");
        assertThat(frame.type()).isEqualTo("location");
        assertThat(frame.requiredNumber("lat")).isEqualTo(5.35);
        assertThat(frame.requiredNumber("lon")).isEqualTo(-4.0);
        assertThat(frame.number("speed")).as("null is absent").isEmpty();
        assertThat(frame.instant("at")).contains(Instant.parse("2026-05-12T07:30:00Z"));
        assertThat(frame.clientId()).isEqualTo("c1");
        for (String text : new String[] {"[1]", "not json", "{\"type\":", "\"type\""}) {
            assertThatThrownBy(() -> ClientFrame.parse(text)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.details()).containsEntry("reason", "malformed_json"));
        }
        assertThatThrownBy(() -> ClientFrame.parse("{\"text\":\"hi\"}")).isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("details", java.util.Map.of("fields", java.util.Map.of("type",
                        "must be given: a frame has a type")));
    }

    @Test
    void membersAreCheckedByType() {
        ClientFrame frame = ClientFrame.parse("{\"type\":\"read\",\"up_to\":42,\"lat\":\"5\",\"after\":\"nope\","
                + "\"at\":\"yesterday\",\"client_id\":\"" + "x".repeat(65) + "\"}");
        assertThatThrownBy(() -> frame.uuid("up_to")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> frame.number("lat")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> frame.uuid("after")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> frame.instant("at")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> frame.requiredUuid("missing")).isInstanceOf(ValidationException.class);
        assertThat(frame.clientId()).as("too long to echo").isNull();
        UUID id = UUID.randomUUID();
        assertThat(ClientFrame.parse("{\"type\":\"read\",\"up_to\":\"" + id + "\"}").requiredUuid("up_to")).isEqualTo(id);
    }
}
