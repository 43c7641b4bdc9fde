package com.allocar.messaging;

import com.allocar.bookings.TripAudience;
import com.allocar.platform.errors.ApiException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.realtime.Admission;
import com.allocar.realtime.ClientFrame;
import com.allocar.realtime.Frames;
import com.allocar.realtime.Peer;
import com.allocar.realtime.SocketRegistry;
import com.allocar.realtime.Sockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.Optional;
import java.util.UUID;

/**
 * The driver-location socket's behaviour ({@code /ws/trips/{id}/driver-location}, docs/realtime.md "Driver
 * location"): the trip's driver sends {@code location} frames; the driver and the booked passengers receive each
 * accepted position ({@link LocationTopic}), the last one as soon as they join.
 */
@ApplicationScoped
public class LocationSockets {
    @Inject
    Sockets sockets;
    @Inject
    SocketRegistry registry;
    @Inject
    DriverLocations locations;
    @Inject
    DriverLocationRepository repository;

    public void open(Session session, EndpointConfig config) {
        Optional<Peer> admitted = sockets.open(session, config);
        if (admitted.isEmpty()) {
            return;
        }
        Peer peer = admitted.get();
        UUID tripId = SocketRooms.tripOf(peer.room());
        TripAudience audience;
        try {
            audience = locations.audience(peer.userId(), tripId);
        } catch (ApiException e) {
            // Booked when the ticket was issued, not any more (the booking was cancelled meanwhile).
            peer.close(Admission.FORBIDDEN, "not_booked");
            return;
        }
        peer.send(sockets.ready(peer, audience.isDriver(peer.userId()) ? "driver" : "passenger"));
        Optional<DriverLocation> last = repository.find(tripId);
        last.ifPresent(location -> peer.send(LocationFrames.location(DriverLocationView.of(location))));
        registry.join(peer, last.map(location -> DriverLocationRepository.micros(location.getRecordedAt())).orElse(0L));
    }

    public void received(Session session, String text) {
        Peer peer = sockets.peer(session).orElse(null);
        if (peer == null) {
            return;
        }
        String clientId = null;
        try {
            ClientFrame frame = ClientFrame.parse(text);
            clientId = frame.clientId();
            if (!sockets.received(peer, clientId)) {
                return;
            }
            UUID tripId = SocketRooms.tripOf(peer.room());
            switch (frame.type()) {
                case "location" -> peer.send(LocationFrames.accepted(clientId, locations.publish(peer.userId(), tripId,
                        frame.requiredNumber("lat"), frame.requiredNumber("lon"), frame.number("heading").orElse(null),
                        frame.number("speed").orElse(null), frame.instant("at").orElse(null))));
                case "resume" -> repository.find(tripId)
                        .ifPresent(location -> peer.send(LocationFrames.location(DriverLocationView.of(location))));
                case "ping" -> peer.send(Frames.pong());
                default -> throw ValidationException.field("type", "unknown frame type; this socket takes location "
                        + "(the driver), resume and ping");
            }
        } catch (RuntimeException e) {
            sockets.refuse(peer, e, clientId);
        }
    }
}
