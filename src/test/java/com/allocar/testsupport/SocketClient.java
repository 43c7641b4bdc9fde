package com.allocar.testsupport;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * A real WebSocket client (Java-WebSocket) for the socket tests: offers subprotocols, keeps every text frame it
 * receives (JSON) in order, and lets a test wait, with a deadline, for the next frame of a type or for the close. A
 * client may withhold its pongs, as a phone that lost its network would. Each client comes from its own address, like
 * the REST clients ({@link Clients}).
 */
public final class SocketClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(20);

    /** How the socket ended: the close code and reason, and whether the server closed it. */
    public record Closed(int code, String reason, boolean remote) {
    }

    private final Client client;
    private final List<JsonPath> frames = new ArrayList<>();
    private final List<Boolean> taken = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private volatile String protocol;

    private SocketClient(String path, List<String> protocols, boolean answerPings) {
        ItServer.awaitReady();
        List<IProtocol> offered = new ArrayList<>();
        for (String name : protocols) {
            offered.add(new Protocol(name));
        }
        if (offered.isEmpty()) {
            offered.add(new Protocol(""));
        }
        URI uri = URI.create(ItServer.baseUrl().replaceFirst("^http", "ws") + path);
        client = new Client(uri, new Draft_6455(Collections.emptyList(), offered),
                Map.of("X-Forwarded-For", Clients.randomAddress()), answerPings);
        client.setConnectionLostTimeout(0);
    }

    /** Connects offering {@code allocar.v1} and {@code ticket.<ticket>}; the socket may be closed at once if refused. */
    public static SocketClient connect(String path, String ticket) {
        return connect(path, List.of("allocar.v1", "ticket." + ticket), true);
    }

    public static SocketClient connect(String path, List<String> protocols, boolean answerPings) {
        SocketClient socket = new SocketClient(path, protocols, answerPings);
        try {
            boolean open = socket.client.connectBlocking(WAIT.toSeconds(), TimeUnit.SECONDS);
            // A refused socket is opened and closed at once: connectBlocking answers false as soon as the close has
            // begun (the server's close frame came), before onClose ran, and the close may even come before onOpen
            // recorded the protocol. So a socket that is not open is given time to finish closing, and its close is
            // returned for the caller to check its code (a failed handshake closes with a code no test expects); no
            // close at all is a failure here.
            if (!open) {
                socket.closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("no WebSocket handshake with " + path + ", and no close", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return socket;
    }

    /** The subprotocol the server chose. */
    public String protocol() {
        return protocol;
    }

    public void send(Map<String, ?> frame) {
        client.send(Clients.json(frame));
    }

    public void sendText(String text) {
        client.send(text);
    }

    public boolean isOpen() {
        return client.isOpen();
    }

    /** The next frame not yet taken whose {@code type} is {@code type}, waiting up to {@link #WAIT}. */
    public JsonPath next(String type) {
        return next(type, frame -> true);
    }

    /** The next frame not yet taken of this type that matches, waiting up to {@link #WAIT}. */
    public JsonPath next(String type, Predicate<JsonPath> matching) {
        return next(frame -> type.equals(frame.getString("type")) && matching.test(frame), "'" + type + "'");
    }

    /** The next frame not yet taken, of any type, that matches, waiting up to {@link #WAIT}. */
    public JsonPath next(Predicate<JsonPath> matching) {
        return next(matching, "matching");
    }

    private JsonPath next(Predicate<JsonPath> matching, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (true) {
                for (int i = 0; i < frames.size(); i++) {
                    JsonPath frame = frames.get(i);
                    if (!taken.get(i) && matching.test(frame)) {
                        taken.set(i, true);
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " frame within " + WAIT.toSeconds() + " s; received: "
                            + texts() + "; closed: " + closed.getNow(null));
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every frame of this type received so far, taken or not. */
    public List<JsonPath> all(String type) {
        List<JsonPath> found = new ArrayList<>();
        synchronized (frames) {
            for (JsonPath frame : frames) {
                if (type.equals(frame.getString("type"))) {
                    found.add(frame);
                }
            }
        }
        return found;
    }

    /** How the socket closed, waiting up to {@code wait}. */
    public Closed awaitClose(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket did not close within " + wait.toSeconds() + " s; received: "
                    + texts(), e);
        }
    }

    public Closed awaitClose() {
        return awaitClose(WAIT);
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        synchronized (frames) {
            for (JsonPath frame : frames) {
                texts.add(frame.prettify().replaceAll("\\s+", " "));
            }
        }
        return texts;
    }

    @Override
    public void close() {
        if (client.isOpen()) {
            try {
                client.closeBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Client extends WebSocketClient {
        private final boolean answerPings;

        Client(URI uri, Draft_6455 draft, Map<String, String> headers, boolean answerPings) {
            super(uri, draft, headers, (int) WAIT.toMillis());
            this.answerPings = answerPings;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            protocol = handshake.getFieldValue("Sec-WebSocket-Protocol");
        }

        @Override
        public void onMessage(String message) {
            synchronized (frames) {
                frames.add(new JsonPath(message));
                taken.add(false);
                frames.notifyAll();
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.complete(new Closed(code, reason, remote));
            synchronized (frames) {
                frames.notifyAll();
            }
        }

        @Override
        public void onError(Exception e) {
            // onClose follows
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata frame) {
            if (answerPings) {
                super.onWebsocketPing(conn, frame);
            }
        }
    }
}
