package com.allocar.realtime;

import com.allocar.platform.errors.ApiException;
import com.allocar.platform.errors.ErrorCode;
import com.allocar.platform.migration.DatabaseMigrator;
import com.allocar.platform.ratelimit.RateLimiter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every socket endpoint shares (docs/realtime.md): admitting or closing a socket when it opens, its limits, the
 * per-socket frame budget, the heartbeat, and the close codes. The endpoints are thin: each delegates here and to its
 * domain's service.
 * <p>
 * Heartbeat: every {@code ALLOCAR_WS_PING_SECONDS} (25) the server sends a WebSocket ping to each socket; anything the
 * client sends (a frame, the pong its library answers by itself) counts as a sign of life, and a socket silent for
 * {@code ALLOCAR_WS_IDLE_SECONDS} (60) is closed with {@value #IDLE} {@code idle_timeout}: a phone that lost its
 * network is noticed within a minute, and its room stops queueing frames for it.
 */
@ApplicationScoped
public class Sockets {
    /** Close codes (docs/realtime.md, "Close codes"). */
    public static final int GOING_AWAY = 1001;
    public static final int IDLE = 4408;
    public static final int TOO_SLOW = 4429;
    public static final int UNAVAILABLE = 4503;
    /** The largest text frame a client may send, in characters (a 2000-character message fits with room to spare). */
    public static final int MAX_FRAME_CHARS = 16 * 1024;
    /** Frames a client may send a minute on one socket (pings included); beyond, {@code error rate_limited}. */
    public static final int FRAMES_PER_MINUTE = 120;
    /** Frames waiting for a slow client before its socket is closed. */
    public static final int QUEUE_LIMIT = 256;
    /** How long one frame may take to leave. */
    static final long SEND_TIMEOUT_MILLIS = 10_000;
    private static final String PEER = "allocar.peer";
    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    SocketRegistry registry;
    @Inject
    RateLimiter limiter;
    @Inject
    @ConfigProperty(name = "ALLOCAR_WS_PING_SECONDS", defaultValue = "25")
    long pingSeconds;
    @Inject
    @ConfigProperty(name = "ALLOCAR_WS_IDLE_SECONDS", defaultValue = "60")
    long idleSeconds;

    private ScheduledFuture<?> heartbeat;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        if (pingSeconds < 1 || idleSeconds <= pingSeconds) {
            throw new IllegalStateException("ALLOCAR_WS_PING_SECONDS must be at least 1 and ALLOCAR_WS_IDLE_SECONDS "
                    + "longer than it");
        }
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, pingSeconds, pingSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    /**
     * A socket just opened: when its handshake admitted it, answers its peer (not yet in its room: the domain joins
     * it); otherwise closes it with the handshake's code and reason and answers empty.
     */
    public Optional<Peer> open(Session session, EndpointConfig config) {
        Object decided = config.getUserProperties().get(TicketHandshake.ADMISSION);
        Admission admission = decided instanceof Admission given ? given
                : Admission.refused(Admission.UNAUTHORIZED, "ticket_missing");
        if (!admission.isAdmitted()) {
            close(session, admission.closeCode(), admission.reason());
            return Optional.empty();
        }
        // The heartbeat decides when a socket is dead; the container's own idle timer would also count our pings.
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        session.setMaxBinaryMessageBufferSize(1024);
        session.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
        Peer peer = new Peer(session, admission.userId(), admission.room(), scheduler, QUEUE_LIMIT);
        session.getUserProperties().put(PEER, peer);
        return Optional.of(peer);
    }

    /**
     * Runs the domain's joining of an admitted socket; when it fails (the database does not answer), the socket is
     * closed with {@value #UNAVAILABLE} {@code try_again} rather than left open outside any room.
     */
    public void joining(Peer peer, Consumer<Peer> join) {
        try {
            join.accept(peer);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, peer + " could not join its room: " + e.getMessage(), e);
            peer.close(UNAVAILABLE, "try_again");
        }
    }

    public Optional<Peer> peer(Session session) {
        return Optional.ofNullable((Peer) session.getUserProperties().get(PEER));
    }

    /** The {@code ready} frame: admitted into the room, with the heartbeat's timings. */
    public String ready(Peer peer, String role) {
        return Frames.write(new Frames.Ready("ready", peer.room(), peer.userId().toString(), role, pingSeconds,
                idleSeconds));
    }

    /**
     * A text frame arrived from the peer (on the container's thread): a sign of life, and one token of the socket's
     * budget. Answers the parsed frame, or empty after answering an {@code error} frame: not JSON, no type, or the
     * budget is spent (the frame is dropped).
     */
    public Optional<ClientFrame> frame(Peer peer, String text) {
        peer.seen();
        ClientFrame frame;
        try {
            frame = ClientFrame.parse(text);
        } catch (ApiException e) {
            peer.send(Frames.error(e, null));
            return Optional.empty();
        }
        RateLimiter.Decision decision = limiter.consume("socket:" + peer.id(), FRAMES_PER_MINUTE);
        if (!decision.allowed()) {
            peer.send(Frames.error(ErrorCode.rate_limited, "Too many frames on this socket; slow down.",
                    Map.of("scope", "socket", "retry_after_seconds", decision.retryAfterSeconds()),
                    frame.clientId()));
            return Optional.empty();
        }
        return Optional.of(frame);
    }

    /** The client answered a ping (or sent a pong of its own). */
    public void pong(Session session) {
        peer(session).ifPresent(Peer::seen);
    }

    /** Answers a refused frame with an {@code error} frame: catalogue errors as they are, anything else logged. */
    public void refuse(Peer peer, RuntimeException problem, String clientId) {
        if (problem instanceof ApiException api) {
            peer.send(Frames.error(api, clientId));
        } else {
            LOG.log(Level.WARNING, "A frame of " + peer + " failed: " + problem.getMessage(), problem);
            peer.send(Frames.error(ErrorCode.internal_error, null, null, clientId));
        }
    }

    public void closed(Session session) {
        peer(session).ifPresent(registry::leave);
    }

    public void failed(Session session, Throwable cause) {
        LOG.log(Level.FINE, "Socket " + session.getId() + " failed", cause);
    }

    /** Pings every socket, and closes those silent for longer than the idle timeout. */
    void beat() {
        try {
            long idleMillis = TimeUnit.SECONDS.toMillis(idleSeconds);
            for (Peer peer : registry.peers()) {
                if (peer.idleMillis() > idleMillis) {
                    LOG.fine(() -> peer + " was silent for " + peer.idleMillis() + " ms: closed");
                    peer.close(IDLE, "idle_timeout");
                    registry.leave(peer);
                } else {
                    peer.ping();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Socket heartbeat failed: " + e.getMessage(), e);
        }
    }

    static void close(Session session, int code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(Peer.reason(code, reason));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing socket " + session.getId() + " failed", e);
        }
    }
}
