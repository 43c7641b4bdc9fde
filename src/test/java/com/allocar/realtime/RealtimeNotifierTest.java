package com.allocar.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RealtimeNotifierTest {

    @Test
    void aPayloadIsThePrefixAndIdsSeparatedByColons() {
        UUID booking = UUID.randomUUID();
        UUID reader = UUID.randomUUID();
        assertThat(RealtimeNotifier.payload("r", booking, reader)).isEqualTo("r:" + booking + ":" + reader);
        assertThat(RealtimeNotifier.payload("m", booking)).isEqualTo("m:" + booking);
        assertThatThrownBy(() -> RealtimeNotifier.payload("a:b", booking)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RealtimeNotifier.payload("m", "x:y")).isInstanceOf(IllegalArgumentException.class);
    }
}
