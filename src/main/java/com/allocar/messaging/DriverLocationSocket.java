package com.allocar.messaging;

import com.allocar.realtime.Sockets;
import com.allocar.realtime.TicketHandshake;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code /ws/trips/{id}/driver-location}: the trip's driver position in real time (MSG-2, docs/realtime.md). Admitted
 * by a ticket at the handshake ({@link TicketHandshake}); everything else is {@link LocationSockets}'s.
 */
@ServerEndpoint(value = "/ws/trips/{id}/driver-location", subprotocols = TicketHandshake.PROTOCOL,
        configurator = TicketHandshake.class)
public class DriverLocationSocket {
    private LocationSockets locations;
    private Sockets sockets;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        locations = CDI.current().select(LocationSockets.class).get();
        sockets = CDI.current().select(Sockets.class).get();
        locations.open(session, config);
    }

    @OnMessage
    public void message(Session session, String text) {
        locations.received(session, text);
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sockets.pong(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.closed(session);
    }

    @OnError
    public void error(Session session, Throwable cause) {
        if (sockets != null) {
            sockets.failed(session, cause);
        }
    }
}
