package com.allocar.realtime;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets of one room on this instance ({@code bookings/{id}}, {@code trips/{id}/driver-location}), and how far
 * the room's events were delivered: {@link #cursor()} is the number (or time) of the last event delivered, so that a
 * notification repeated or overtaken by a catch-up is delivered once, and a gap is noticed. Deliveries to one room are
 * serialised by the caller holding the room's monitor ({@code synchronized (room)}).
 */
public final class Room {
    private final String key;
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
    private long cursor;

    Room(String key, long cursor) {
        this.key = key;
        this.cursor = cursor;
    }

    public String key() {
        return key;
    }

    public Collection<Peer> peers() {
        return Collections.unmodifiableSet(peers);
    }

    /** The last event delivered to the room (read and advanced under the room's monitor). */
    public synchronized long cursor() {
        return cursor;
    }

    public synchronized void advance(long delivered) {
        if (delivered > cursor) {
            cursor = delivered;
        }
    }

    Set<Peer> members() {
        return peers;
    }
}
