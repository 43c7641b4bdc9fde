package com.allocar.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketHandshakeTest {
    private final TicketHandshake handshake = new TicketHandshake();

    @Test
    void theRoomIsThePathAfterWsInLowerCase() {
        assertThat(TicketHandshake.roomOf(URI.create("ws://api.allocar.ci/ws/bookings/5F0C3B1E-8D7A-4B4E-9A53-2C1B0A9E7D61")))
                .isEqualTo("bookings/5f0c3b1e-8d7a-4b4e-9a53-2c1b0a9e7d61");
        assertThat(TicketHandshake.roomOf(URI.create("/ws/trips/1/driver-location/?ticket=x")))
                .as("the query is not part of it").isEqualTo("trips/1/driver-location");
        assertThat(TicketHandshake.roomOf(URI.create("/api/v1/bookings"))).isNull();
        assertThat(TicketHandshake.roomOf(URI.create("/ws/"))).isNull();
    }

    @Test
    void theTicketIsOneOfTheOfferedSubprotocols() {
        assertThat(TicketHandshake.ticketOf(Map.of("Sec-WebSocket-Protocol", List.of("allocar.v1, ticket.abc_-9"))))
                .isEqualTo("abc_-9");
        assertThat(TicketHandshake.ticketOf(Map.of("sec-websocket-protocol", List.of("allocar.v1", "ticket.xyz"))))
                .isEqualTo("xyz");
        assertThat(TicketHandshake.ticketOf(Map.of("Sec-WebSocket-Protocol", List.of("allocar.v1")))).isNull();
        assertThat(TicketHandshake.ticketOf(Map.of("Authorization", List.of("ticket.abc")))).isNull();
    }

    @Test
    void theServerSpeaksAllocarV1Only() {
        assertThat(handshake.getNegotiatedSubprotocol(List.of("allocar.v1"), List.of("allocar.v1", "ticket.abc")))
                .isEqualTo("allocar.v1");
        assertThat(handshake.getNegotiatedSubprotocol(List.of("allocar.v1"), List.of("ticket.abc"))).isEmpty();
    }
}
