package com.allocar.messaging;

import com.allocar.bookings.BookingService;
import com.allocar.bookings.TripAudience;
import com.allocar.realtime.Admission;
import com.allocar.realtime.Peer;
import com.allocar.realtime.RealtimeTopic;
import com.allocar.realtime.Room;
import com.allocar.realtime.SocketRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Driver positions, to this instance's sockets of their trip (notification {@code l:<trip id>}, sent by
 * {@link DriverLocations#publish} with its commit). The position is read from the table (the trip's last one) and
 * delivered when it is newer than the last one the room got (the room's cursor is its fix time, in microseconds), to
 * the trip's driver and its passengers with an accepted or paid booking, as they are now: a socket whose passenger
 * is no longer booked (cancelled) is closed with 4403 {@code not_booked}.
 */
@ApplicationScoped
public class LocationTopic implements RealtimeTopic {
    @Inject
    SocketRegistry registry;
    @Inject
    DriverLocationRepository locations;
    @Inject
    BookingService bookings;

    @Override
    public String prefix() {
        return DriverLocations.TOPIC;
    }

    @Override
    @Transactional
    public void deliver(List<String> payloads) {
        Set<UUID> trips = new LinkedHashSet<>();
        for (String payload : payloads) {
            try {
                trips.add(UUID.fromString(payload));
            } catch (IllegalArgumentException e) {
                // not one of ours: ignored
            }
        }
        for (UUID tripId : trips) {
            registry.room(SocketRooms.location(tripId)).ifPresent(room -> deliver(room, tripId));
        }
    }

    @Override
    @Transactional
    public void catchUp() {
        for (Room room : registry.rooms(SocketRooms.LOCATIONS)) {
            deliver(room, SocketRooms.tripOf(room.key()));
        }
    }

    private void deliver(Room room, UUID tripId) {
        synchronized (room) {
            DriverLocation last = locations.find(tripId).orElse(null);
            if (last == null) {
                return;
            }
            long taken = DriverLocationRepository.micros(last.getRecordedAt());
            if (taken <= room.cursor()) {
                return;
            }
            room.advance(taken);
            TripAudience audience = bookings.tripAudience(tripId);
            String frame = LocationFrames.location(DriverLocationView.of(last));
            for (Peer peer : room.peers()) {
                if (audience.includes(peer.userId())) {
                    peer.send(frame);
                } else {
                    peer.close(Admission.FORBIDDEN, "not_booked");
                    registry.leave(peer);
                }
            }
        }
    }
}
