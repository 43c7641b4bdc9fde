package com.allocar.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One admitted socket: who is on it, which room, and its outgoing frames. Frames are queued and sent one at a time
 * with the asynchronous remote (a container allows one send in progress per socket), so the thread that fans a message
 * out to a room never waits for a slow client. A client that lets {@value Sockets#QUEUE_LIMIT} frames pile up is
 * closed ({@link Sockets#TOO_SLOW}): the frames it missed are in the tables, and it resumes when it reconnects.
 */
public final class Peer {
    private static final Logger LOG = Logger.getLogger(Peer.class.getName());
    private static final Object PING = new Object();
    private static final byte[] PING_DATA = "allocar".getBytes(StandardCharsets.US_ASCII);

    private final Session session;
    private final UUID userId;
    private final String room;
    private final Executor executor;
    private final int queueLimit;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Queue<Runnable> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handling = new AtomicBoolean();
    private volatile long lastSeenNanos = System.nanoTime();

    Peer(Session session, UUID userId, String room, Executor executor, int queueLimit) {
        this.session = session;
        this.userId = userId;
        this.room = room;
        this.executor = executor;
        this.queueLimit = queueLimit;
    }

    public UUID userId() {
        return userId;
    }

    public String room() {
        return room;
    }

    /** The container's id of the socket (unique within this instance). */
    public String id() {
        return session.getId();
    }

    /** A value the socket's domain keeps with it (e.g. the user's role in the room). */
    @SuppressWarnings("unchecked")
    public <T> T attribute(String name) {
        return (T) attributes.get(name);
    }

    public void attribute(String name, Object value) {
        attributes.put(name, value);
    }

    public boolean open() {
        return !closing.get() && session.isOpen();
    }

    /**
     * Runs {@code work} for this socket on the managed executor, after the work handed over before it: a socket's
     * frames are handled one at a time, in the order they came, off the container's thread. The container's socket
     * threads carry no transaction context of the server (a database connection used there outside a transaction
     * cannot be handed back cleanly); the managed executor's tasks do.
     */
    public void handle(Runnable work) {
        inbound.add(work);
        handleNext();
    }

    private void handleNext() {
        if (!handling.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::handleQueued);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The executor refused the frames of " + this + ": " + e.getMessage(), e);
            handling.set(false);
            inbound.clear();
            close(Sockets.GOING_AWAY, "shutting_down");
        }
    }

    private void handleQueued() {
        try {
            Runnable work;
            while ((work = inbound.poll()) != null) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Handling a frame of " + this + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            handling.set(false);
            if (!inbound.isEmpty()) {
                handleNext();
            }
        }
    }

    /** Queues a text frame; false when the socket is closing or was just closed for being too slow. */
    public boolean send(String frame) {
        return enqueue(frame);
    }

    void ping() {
        enqueue(PING);
    }

    void seen() {
        lastSeenNanos = System.nanoTime();
    }

    long idleMillis() {
        return (System.nanoTime() - lastSeenNanos) / 1_000_000;
    }

    private boolean enqueue(Object frame) {
        if (!open()) {
            return false;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            close(Sockets.TOO_SLOW, "too_slow");
            return false;
        }
        queue.add(frame);
        pump();
        return true;
    }

    /** Sends the next queued frame unless one is being sent; the send's completion pumps again. */
    private void pump() {
        while (true) {
            if (!sending.compareAndSet(false, true)) {
                return;
            }
            Object next = queue.poll();
            if (next == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            queued.decrementAndGet();
            if (!session.isOpen()) {
                queue.clear();
                queued.set(0);
                sending.set(false);
                return;
            }
            if (next == PING) {
                try {
                    session.getAsyncRemote().sendPing(ByteBuffer.wrap(PING_DATA));
                } catch (IOException | RuntimeException e) {
                    failed(e);
                }
                sending.set(false);
                continue;
            }
            try {
                session.getAsyncRemote().sendText((String) next, result -> {
                    if (!result.isOK()) {
                        failed(result.getException());
                    }
                    sending.set(false);
                    resume();
                });
            } catch (RuntimeException e) {
                sending.set(false);
                failed(e);
            }
            return;
        }
    }

    /** Continues with the next frame on another thread: a send that completes at once must not recurse. */
    private void resume() {
        if (queue.isEmpty()) {
            return;
        }
        try {
            executor.execute(this::pump);
        } catch (RuntimeException e) {
            pump();
        }
    }

    private void failed(Throwable cause) {
        LOG.log(Level.FINE, "Sending to socket " + id() + " failed", cause);
        close(Sockets.GOING_AWAY, "send_failed");
    }

    /** Closes the socket with an application close code (4000–4999) and a short reason; once. */
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        Runnable close = () -> Sockets.close(session, code, reason);
        try {
            executor.execute(close);
        } catch (RuntimeException e) {
            close.run();
        }
    }

    @Override
    public String toString() {
        return "socket " + id() + " of " + userId + " in " + room;
    }

    static CloseReason reason(int code, String reason) {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
    }
}
