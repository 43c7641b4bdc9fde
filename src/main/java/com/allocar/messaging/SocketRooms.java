package com.allocar.messaging;

import java.util.UUID;

/**
 * The rooms of the sockets (docs/realtime.md): a room is the path of its socket after {@code /ws/}, which is also what
 * a ticket is bound to.
 */
final class SocketRooms {
    static final String CHATS = "bookings/";
    static final String LOCATIONS = "trips/";
    private static final String LOCATION_SUFFIX = "/driver-location";

    private SocketRooms() {
    }

    /** {@code bookings/{id}}: the booking's chat. */
    static String chat(UUID bookingId) {
        return CHATS + bookingId;
    }

    /** {@code trips/{id}/driver-location}: the trip's driver position. */
    static String location(UUID tripId) {
        return LOCATIONS + tripId + LOCATION_SUFFIX;
    }

    static UUID bookingOf(String room) {
        return UUID.fromString(room.substring(CHATS.length()));
    }

    static UUID tripOf(String room) {
        return UUID.fromString(room.substring(LOCATIONS.length(), room.length() - LOCATION_SUFFIX.length()));
    }
}
