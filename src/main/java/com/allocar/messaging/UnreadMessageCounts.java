package com.allocar.messaging;

import com.allocar.bookings.UnreadMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Bookings' {@link UnreadMessages}: one grouped query over the messages of the bookings asked. */
@ApplicationScoped
public class UnreadMessageCounts implements UnreadMessages {
    @Inject
    MessageRepository messages;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, Integer> count(UUID reader, Collection<UUID> bookingIds) {
        return messages.unread(reader, bookingIds);
    }
}
