package com.allocar.bookings;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * How many chat messages a party has not read yet, per booking ({@code unread_messages} of a booking's view). Owned
 * by bookings and implemented in messaging, which sits above bookings (messaging uses bookings; bookings never uses
 * messaging).
 */
public interface UnreadMessages {
    /**
     * For each of {@code bookingIds} with unread messages: how many messages of the booking's other party
     * {@code reader} has not read. Bookings without any are left out. One query for all of them.
     */
    Map<UUID, Integer> count(UUID reader, Collection<UUID> bookingIds);
}
