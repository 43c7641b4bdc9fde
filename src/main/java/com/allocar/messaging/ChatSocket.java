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
 * {@code /ws/bookings/{id}}: a booking's chat in real time (MSG-2, docs/realtime.md). Admitted by a ticket at the
 * handshake ({@link TicketHandshake}); everything else is {@link ChatSockets}'s.
 */
@ServerEndpoint(value = "/ws/bookings/{id}", subprotocols = TicketHandshake.PROTOCOL,
        configurator = TicketHandshake.class)
public class ChatSocket {
    private ChatSockets chat;
    private Sockets sockets;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        chat = CDI.current().select(ChatSockets.class).get();
        sockets = CDI.current().select(Sockets.class).get();
        chat.open(session, config);
    }

    @OnMessage
    public void message(Session session, String text) {
        chat.received(session, text);
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
