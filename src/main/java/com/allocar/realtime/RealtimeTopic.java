package com.allocar.realtime;

import java.util.List;

/**
 * A kind of event that travels between instances as {@code <prefix>:<ids>} on the realtime channel
 * ({@link RealtimeNotifier} sends, {@link NotificationListener} receives). Implemented by the domains that own the
 * rooms (CDI beans); each instance's listener gives every payload to the topic of its prefix, and the topic reads what
 * the ids name from the tables before it delivers to its local sockets. The payload carries ids only: nothing private
 * passes through the database's notification queue, and what is delivered is what was committed.
 */
public interface RealtimeTopic {
    /** The prefix of this topic's payloads: a few letters, no colon. */
    String prefix();

    /** Delivers, in order, the notifications of this topic (each payload without {@code prefix:}). */
    void deliver(List<String> payloads);

    /**
     * The listening connection was (re)opened: notifications sent while it was down are lost; re-read from the tables
     * what the local rooms may have missed and deliver it (without repeating what was delivered).
     */
    void catchUp();
}
