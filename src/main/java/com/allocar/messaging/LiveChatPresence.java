package com.allocar.messaging;

import com.allocar.realtime.SocketRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Whether the user has the booking's chat open on a socket of this instance: then a new message reaches them live and
 * needs no push. A socket held by another instance is not seen here, so its user may get a push as well; the push is
 * coalesced per booking (ChatNotices) and says nothing the socket did not.
 */
@ApplicationScoped
public class LiveChatPresence implements ChatPresence {
    @Inject
    SocketRegistry sockets;

    @Override
    public boolean watching(UUID userId, UUID bookingId) {
        return sockets.room(SocketRooms.chat(bookingId))
                .map(room -> room.peers().stream().anyMatch(peer -> peer.open() && userId.equals(peer.userId())))
                .orElse(false);
    }
}
