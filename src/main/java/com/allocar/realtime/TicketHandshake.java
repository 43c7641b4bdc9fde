package com.allocar.realtime;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The handshake of every AlloCar socket (docs/realtime.md, "Connecting"). The client offers two subprotocols in
 * {@code Sec-WebSocket-Protocol}: {@value #PROTOCOL} and {@code ticket.<ticket>}; the server chooses
 * {@value #PROTOCOL} (a client that did not offer it fails its own handshake) and redeems the ticket for the room the
 * URL names ({@code /ws/bookings/{id}} → {@code bookings/{id}}). The ticket never appears in a URL, so no access log
 * (the proxy's, Liberty's, ours) records it, and it is worthless once used.
 * <p>
 * The decision is left in the handshake's user properties (Liberty gives each connection its own copy) for the
 * endpoint's {@code @OnOpen}, which closes a refused socket with the decision's code and reason.
 */
public class TicketHandshake extends ServerEndpointConfig.Configurator {
    public static final String PROTOCOL = "allocar.v1";
    public static final String TICKET_PREFIX = "ticket.";
    static final String ADMISSION = "allocar.admission";
    private static final String PROTOCOL_HEADER = "sec-websocket-protocol";
    private static final Logger LOG = Logger.getLogger(TicketHandshake.class.getName());

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.contains(PROTOCOL) ? PROTOCOL : "";
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Admission admission;
        try {
            String room = roomOf(request.getRequestURI());
            String ticket = ticketOf(request.getHeaders());
            admission = ticket == null ? Admission.refused(Admission.UNAUTHORIZED, "ticket_missing")
                    : room == null ? Admission.refused(Admission.FORBIDDEN, "ticket_wrong_room")
                    : CDI.current().select(SocketTickets.class).get().redeem(ticket, room);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Socket handshake failed: " + e.getMessage(), e);
            admission = Admission.refused(Sockets.UNAVAILABLE, "try_again");
        }
        config.getUserProperties().put(ADMISSION, admission);
    }

    /** The room a socket URL names: the path after {@code /ws/}, lower case ({@code bookings/{id}}). */
    static String roomOf(URI uri) {
        String path = uri == null ? null : uri.getPath();
        int start = path == null ? -1 : path.indexOf("/ws/");
        if (start < 0) {
            return null;
        }
        String room = path.substring(start + 4).toLowerCase(Locale.ROOT);
        while (room.endsWith("/")) {
            room = room.substring(0, room.length() - 1);
        }
        return room.isEmpty() ? null : room;
    }

    /** The ticket among the offered subprotocols ({@code ticket.<value>}), in any header spelling. */
    static String ticketOf(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!PROTOCOL_HEADER.equalsIgnoreCase(header.getKey()) || header.getValue() == null) {
                continue;
            }
            for (String value : header.getValue()) {
                for (String offered : value.split(",")) {
                    String protocol = offered.strip();
                    if (protocol.startsWith(TICKET_PREFIX)) {
                        return protocol.substring(TICKET_PREFIX.length());
                    }
                }
            }
        }
        return null;
    }
}
