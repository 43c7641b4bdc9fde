package com.allocar.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.testsupport.Clients;
import com.allocar.testsupport.SocketClient;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;

/** Tickets and sockets for the realtime tests (docs/realtime.md). */
final class SocketFixtures {
    static final String TICKETS = "/api/v1/ws/tickets";

    private SocketFixtures() {
    }

    static Response ticket(String token, Map<String, ?> body) {
        return Clients.withToken(token).body(Clients.json(body)).post(TICKETS);
    }

    /** A ticket (201) for {@code {key: id}}: its data (ticket, path, protocols, expires_at). */
    static JsonPath issued(String token, String key, String id) {
        Response response = ticket(token, Map.of(key, id));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath().setRootPath("data");
    }

    /** The booking's chat socket of the token's user, admitted (its {@code ready} frame taken). */
    static SocketClient chat(String token, String bookingId) {
        JsonPath ticket = issued(token, "booking_id", bookingId);
        assertThat(ticket.getString("path")).isEqualTo("/ws/bookings/" + bookingId);
        return admitted(SocketClient.connect(ticket.getString("path"), ticket.getString("ticket")));
    }

    /** The trip's driver-location socket of the token's user, admitted. */
    static SocketClient location(String token, String tripId) {
        JsonPath ticket = issued(token, "trip_id", tripId);
        assertThat(ticket.getString("path")).isEqualTo("/ws/trips/" + tripId + "/driver-location");
        return admitted(SocketClient.connect(ticket.getString("path"), ticket.getString("ticket")));
    }

    private static SocketClient admitted(SocketClient socket) {
        assertThat(socket.protocol()).isEqualTo("allocar.v1");
        socket.next("ready");
        return socket;
    }
}
