package com.allocar.realtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One PostgreSQL connection that LISTENs on a channel and hands each batch of notification payloads to a consumer,
 * in the order the database delivered them (the commit order of the notifying transactions). Plain Java, no container:
 * the server runs one per instance on a managed thread ({@link NotificationListener}), and a test can run another
 * against the same database, as a second instance would.
 * <p>
 * The connection is its own, outside any pool: a pooled connection would be handed to other work and lose its
 * LISTEN. When the connection fails (database restart, network cut, {@code pg_terminate_backend}), the loop closes it,
 * waits (1 s, doubling up to 30 s while it keeps failing), opens a new one, LISTENs again and calls
 * {@code onListening} <em>after</em> the LISTEN, so that the owner re-reads from the tables whatever was committed
 * while nobody listened: PostgreSQL keeps no notification for a session that was not listening.
 * <p>
 * Notifications are read with pgjdbc's {@code PGConnection.getNotifications(timeout)}, looked up in the class loader
 * of the connection itself: in the server the driver is loaded apart from the application ({@link
 * NotificationListener}), and this class names none of its types.
 */
public final class PgListener implements Runnable {
    /** Opens a new connection to the database (DriverManager in the server, anything in a test). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(PgListener.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** How long one wait for notifications lasts; also how soon {@link #stop} is noticed. */
    private static final int POLL_MILLIS = 500;
    /** How often an idle connection is asked whether it is still alive. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final ConnectionSource source;
    private final String channel;
    private final Consumer<List<String>> onPayloads;
    private final Runnable onListening;
    private final Object lock = new Object();
    private volatile boolean running = true;
    private volatile Connection connection;
    private volatile long connections;

    /**
     * @param channel a lower-case SQL identifier (it is written into the LISTEN statement as is)
     * @param onPayloads gets each batch of payloads; an exception it throws is logged and the loop goes on
     * @param onListening runs after every successful LISTEN (the first one included): re-read what may be missed
     */
    public PgListener(ConnectionSource source, String channel, Consumer<List<String>> onPayloads,
                      Runnable onListening) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.source = Objects.requireNonNull(source);
        this.channel = channel;
        this.onPayloads = Objects.requireNonNull(onPayloads);
        this.onListening = Objects.requireNonNull(onListening);
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try {
                listen();
                retry = FIRST_RETRY;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                Duration wait = retry;
                LOG.log(Level.WARNING, "Realtime listener on channel " + channel + " lost its connection ("
                        + e.getMessage() + "); reconnecting in " + wait.toSeconds() + " s", e);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                pause(wait);
            } finally {
                closeQuietly();
            }
        }
    }

    /** Opens the connection, LISTENs, catches up, then waits for notifications until the connection fails. */
    private void listen() throws SQLException {
        Connection opened = source.open();
        connection = opened;
        if (!running) {
            return;
        }
        opened.setAutoCommit(true);
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
        Notifications pg = Notifications.of(opened);
        connections++;
        LOG.info(() -> "Realtime listener on channel " + channel + " is listening (connection " + connections + ")");
        safely(onListening::run, "catching up");
        long checked = System.nanoTime();
        while (running) {
            List<String> payloads = pg.await(POLL_MILLIS);
            if (payloads.isEmpty()) {
                // A closed socket fails the wait at once; a silently dead network only fails a round trip.
                if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                    if (!opened.isValid(5)) {
                        throw new SQLException("the listening connection does not answer");
                    }
                    checked = System.nanoTime();
                }
                continue;
            }
            safely(() -> onPayloads.accept(payloads), "delivering " + payloads.size() + " notification(s)");
        }
    }

    private void safely(Runnable work, String what) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Realtime listener failed " + what + ": " + e.getMessage(), e);
        }
    }

    private void pause(Duration wait) {
        synchronized (lock) {
            long until = System.nanoTime() + wait.toNanos();
            long left;
            while (running && (left = until - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    running = false;
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** How many times a connection was opened and LISTENed (1 after the first start). */
    public long connections() {
        return connections;
    }

    /** Whether the loop holds a listening connection now. */
    public boolean listening() {
        Connection current = connection;
        try {
            return running && current != null && !current.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Ends the loop: it returns within about {@value #POLL_MILLIS} ms; the connection is closed. */
    public void stop() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                LOG.log(Level.FINE, "closing the listening connection", e);
            }
        }
    }

    /** pgjdbc's {@code PGConnection.getNotifications(int)} on one connection, through reflection. */
    private record Notifications(Object connection, Method getNotifications, Method getParameter) {
        static Notifications of(Connection connection) throws SQLException {
            try {
                ClassLoader driver = connection.getClass().getClassLoader();
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false, driver);
                Class<?> notification = Class.forName("org.postgresql.PGNotification", false, driver);
                return new Notifications(connection.unwrap(pgConnection),
                        pgConnection.getMethod("getNotifications", int.class), notification.getMethod("getParameter"));
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                throw new SQLException("not a PostgreSQL (pgjdbc) connection: " + e.getMessage(), e);
            }
        }

        /** The payloads received within {@code millis} (empty when none came). */
        List<String> await(int millis) throws SQLException {
            try {
                Object[] received = (Object[]) getNotifications.invoke(connection, millis);
                List<String> payloads = new ArrayList<>(received == null ? 0 : received.length);
                if (received != null) {
                    for (Object notification : received) {
                        payloads.add((String) getParameter.invoke(notification));
                    }
                }
                return payloads;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException failure) {
                    throw failure;
                }
                throw new SQLException("waiting for notifications failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new SQLException(e);
            }
        }
    }
}
