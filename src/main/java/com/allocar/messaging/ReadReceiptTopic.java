package com.allocar.messaging;

import com.allocar.realtime.Peer;
import com.allocar.realtime.RealtimeTopic;
import com.allocar.realtime.SocketRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Read receipts, to this instance's sockets of their booking (notification {@code r:<booking>:<reader>:<up to>}, sent
 * by {@link MessageService#markRead} with its commit): both parties see {@code read}. A receipt lost while the
 * listening connection was down is not replayed: the messages' {@code read_at} (REST, or a resume) tells it.
 */
@ApplicationScoped
public class ReadReceiptTopic implements RealtimeTopic {
    @Inject
    SocketRegistry registry;

    @Override
    public String prefix() {
        return ChatTopic.READ;
    }

    @Override
    public void deliver(List<String> payloads) {
        for (String payload : payloads) {
            String[] ids = payload.split(":");
            if (ids.length != 3) {
                continue;
            }
            UUID bookingId;
            String frame;
            try {
                bookingId = UUID.fromString(ids[0]);
                frame = ChatFrames.read(bookingId, UUID.fromString(ids[1]), UUID.fromString(ids[2]));
            } catch (IllegalArgumentException e) {
                continue;
            }
            registry.room(SocketRooms.chat(bookingId)).ifPresent(room -> {
                for (Peer peer : room.peers()) {
                    peer.send(frame);
                }
            });
        }
    }

    @Override
    public void catchUp() {
        // Receipts are not kept as events: nothing to re-read.
    }
}
