package com.allocar.messaging;

import com.allocar.bookings.BookingService;
import com.allocar.platform.errors.ValidationException;
import com.allocar.realtime.SocketTickets;
import com.allocar.realtime.TicketHandshake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may open which socket (docs/realtime.md, "Connecting"): a booking's chat for its passenger and its driver, a
 * trip's driver position for its driver and its passengers with an accepted or paid booking. Anyone else gets 404, as
 * for an id that does not exist. Admitted callers get a one-use ticket bound to them and to the room.
 */
@ApplicationScoped
public class SocketAccess {
    @Inject
    BookingService bookings;
    @Inject
    DriverLocations locations;
    @Inject
    SocketTickets tickets;

    @Transactional
    public SocketTicketView ticket(UUID userId, SocketTicketRequest request) {
        String room = room(userId, request);
        SocketTickets.Ticket ticket = tickets.issue(userId, room);
        return new SocketTicketView(ticket.value(), "/ws/" + room,
                List.of(TicketHandshake.PROTOCOL, TicketHandshake.TICKET_PREFIX + ticket.value()), ticket.expiresAt());
    }

    private String room(UUID userId, SocketTicketRequest request) {
        if ((request.bookingId() == null) == (request.tripId() == null)) {
            String problem = "give exactly one of booking_id and trip_id";
            throw ValidationException.fields(Map.of("booking_id", problem, "trip_id", problem));
        }
        if (request.bookingId() != null) {
            bookings.forParty(userId, request.bookingId());
            return SocketRooms.chat(request.bookingId());
        }
        locations.audience(userId, request.tripId());
        return SocketRooms.location(request.tripId());
    }
}
