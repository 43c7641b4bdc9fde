package com.allocar.messaging;

import com.allocar.realtime.Peer;
import com.allocar.realtime.RealtimeTopic;
import com.allocar.realtime.Room;
import com.allocar.realtime.SocketRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * New chat messages, to this instance's sockets of their booking (notification {@code m:<message id>}, sent by
 * {@link MessageWriter} with the message's commit). Each room remembers the number of the last message it delivered
 * ({@link Room#cursor()}); a notification delivers, from the table, every message of the booking numbered after it up
 * to the notified one, in order. So a notification received twice, or overtaken by a catch-up, delivers nothing more,
 * and one that was lost (the listening connection was down) is made up by the next one or by {@link #catchUp()}.
 */
@ApplicationScoped
public class ChatTopic implements RealtimeTopic {
    static final String MESSAGE = "m";
    static final String READ = "r";
    /** Messages read from the table at a time when a room catches up. */
    static final int BATCH = 100;

    @Inject
    SocketRegistry registry;
    @Inject
    MessageRepository messages;
    @Inject
    MessageService service;

    @Override
    public String prefix() {
        return MESSAGE;
    }

    @Override
    @Transactional
    public void deliver(List<String> payloads) {
        Set<UUID> ids = new HashSet<>();
        for (String payload : payloads) {
            try {
                ids.add(UUID.fromString(payload));
            } catch (IllegalArgumentException e) {
                // not one of ours: ignored
            }
        }
        Map<UUID, Long> upTo = new HashMap<>();
        for (Object[] place : messages.places(ids).values()) {
            upTo.merge((UUID) place[0], ((Number) place[1]).longValue(), Math::max);
        }
        upTo.forEach((bookingId, seq) -> registry.room(SocketRooms.chat(bookingId))
                .ifPresent(room -> deliverUpTo(room, bookingId, seq)));
    }

    @Override
    @Transactional
    public void catchUp() {
        List<Room> rooms = registry.rooms(SocketRooms.CHATS);
        List<UUID> bookingIds = new ArrayList<>();
        for (Room room : rooms) {
            bookingIds.add(SocketRooms.bookingOf(room.key()));
        }
        Map<UUID, Long> last = messages.lastSeqs(bookingIds);
        for (Room room : rooms) {
            UUID bookingId = SocketRooms.bookingOf(room.key());
            deliverUpTo(room, bookingId, last.getOrDefault(bookingId, 0L));
        }
    }

    /** Sends the room every message numbered after its cursor up to {@code upTo}, oldest first, once. */
    void deliverUpTo(Room room, UUID bookingId, long upTo) {
        synchronized (room) {
            long cursor = room.cursor();
            while (cursor < upTo) {
                List<Message> batch = messages.range(bookingId, cursor, upTo, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                for (Message message : batch) {
                    String frame = ChatFrames.message(message.getSeq(), service.view(message, bookingId));
                    for (Peer peer : room.peers()) {
                        peer.send(frame);
                    }
                    cursor = message.getSeq();
                }
                room.advance(cursor);
            }
        }
    }
}
