package com.allocar.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This instance's open sockets, by room: a concurrent map of rooms, each with a concurrent set of peers. A room exists
 * while it has a socket here; joining and leaving change the map atomically (compute), so a socket never joins a room
 * that is being removed. Nothing is static: the registry lives and dies with the application.
 */
@ApplicationScoped
public class SocketRegistry {
    private final ConcurrentMap<String, Room> rooms = new ConcurrentHashMap<>();

    /**
     * Puts the peer in its room, creating the room with {@code cursor} (the last event the room counts as delivered)
     * when it is the room's first socket here; answers the room.
     */
    public Room join(Peer peer, long cursor) {
        return rooms.compute(peer.room(), (key, room) -> {
            Room joined = room == null ? new Room(key, cursor) : room;
            joined.members().add(peer);
            return joined;
        });
    }

    public void leave(Peer peer) {
        rooms.computeIfPresent(peer.room(), (key, room) -> {
            room.members().remove(peer);
            return room.members().isEmpty() ? null : room;
        });
    }

    public Optional<Room> room(String key) {
        return Optional.ofNullable(rooms.get(key));
    }

    /** The rooms whose key starts with {@code prefix} ("bookings/"), at this moment. */
    public List<Room> rooms(String prefix) {
        List<Room> found = new ArrayList<>();
        for (Room room : rooms.values()) {
            if (room.key().startsWith(prefix)) {
                found.add(room);
            }
        }
        return found;
    }

    /** Every socket of this instance, at this moment. */
    public List<Peer> peers() {
        List<Peer> all = new ArrayList<>();
        for (Room room : rooms.values()) {
            all.addAll(room.members());
        }
        return all;
    }
}
