package com.allocar.messaging;

import com.allocar.bookings.BookingService;
import com.allocar.bookings.TripAudience;
import com.allocar.platform.errors.ValidationException;
import com.allocar.realtime.Admission;
import com.allocar.realtime.ClientFrame;
import com.allocar.realtime.Frames;
import com.allocar.realtime.Peer;
import com.allocar.realtime.SocketRegistry;
import com.allocar.realtime.Sockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
    @Inject
    BookingService bookings;
    /** This bean through its proxy, for the transactional step. */
    @Inject
    LocationSockets self;

    /** A socket opened: closed at once when its ticket did not admit it, else joined to the trip's room. */
    public void open(Session session, EndpointConfig config) {
        sockets.open(session, config).ifPresent(peer -> peer.handle(() -> sockets.joining(peer, self::join)));
    }

    /** Joins an admitted socket to its room and sends it the last position (one read transaction). */
    @Transactional
    public void join(Peer peer) {
        UUID tripId = SocketRooms.tripOf(peer.room());
        TripAudience audience = bookings.tripAudience(tripId);
        if (!audience.includes(peer.userId())) {
            // Booked when the ticket was issued, not any more (the booking was cancelled meanwhile).
            peer.close(Admission.FORBIDDEN, "not_booked");
            return;
        }
        peer.send(sockets.ready(peer, audience.isDriver(peer.userId()) ? "driver" : "passenger"));
        Optional<DriverLocation> last = repository.find(tripId);
        last.ifPresent(location -> peer.send(LocationFrames.location(DriverLocationView.of(location))));
        registry.join(peer, last.map(location -> DriverLocationRepository.micros(location.getRecordedAt())).orElse(0L));
    }

    /** A text frame: parsed and counted here, handled in turn on the managed executor. */
    public void received(Session session, String text) {
        sockets.peer(session).ifPresent(peer -> sockets.frame(peer, text)
                .ifPresent(frame -> peer.handle(() -> handle(peer, frame))));
    }

    private void handle(Peer peer, ClientFrame frame) {
        String clientId = frame.clientId();
        try {
            UUID tripId = SocketRooms.tripOf(peer.room());
            switch (frame.type()) {
                case "location" -> peer.send(LocationFrames.accepted(clientId, locations.publish(peer.userId(), tripId,
                        frame.requiredNumber("lat"), frame.requiredNumber("lon"), frame.number("heading").orElse(null),
                        frame.number("speed").orElse(null), frame.instant("at").orElse(null))));
                case "resume" -> self.sendLast(peer, tripId);
                case "ping" -> peer.send(Frames.pong());
                default -> throw ValidationException.field("type", "unknown frame type; this socket takes location "
                        + "(the driver), resume and ping");
            }
        } catch (RuntimeException e) {
            sockets.refuse(peer, e, clientId);
        }
    }

    /** Sends the trip's last position, if any, to the socket. */
    @Transactional
    public void sendLast(Peer peer, UUID tripId) {
        repository.find(tripId)
                .ifPresent(location -> peer.send(LocationFrames.location(DriverLocationView.of(location))));
    }
}
