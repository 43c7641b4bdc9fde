package com.allocar.realtime;

import com.allocar.platform.migration.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's one listening connection (docs/realtime.md, "Several instances"): a {@link PgListener} on
 * {@link #CHANNEL}, on a thread of the server's {@link ManagedThreadFactory}, with a connection of its own opened from
 * {@code ALLOCAR_DB_URL}, {@code ALLOCAR_DB_USER} and {@code ALLOCAR_DB_PASSWORD} by the PostgreSQL driver (outside
 * the pool, application name {@value #APPLICATION_NAME}; {@link #driver()} says why not through DriverManager). Each
 * payload goes to the {@link RealtimeTopic} of its prefix; after every (re)connection each topic catches up from the
 * tables.
 * <p>
 * Every delivery to this instance's sockets takes this path, the sender's own instance included: a message written
 * here reaches its local room through the same notification as the other instances' rooms, so nothing is delivered
 * twice by two paths, and a write that rolls back is never delivered.
 */
@ApplicationScoped
public class NotificationListener {
    public static final String CHANNEL = "allocar_realtime";
    public static final String APPLICATION_NAME = "allocar-realtime";
    private static final Logger LOG = Logger.getLogger(NotificationListener.class.getName());

    @Resource
    ManagedThreadFactory threads;
    @Inject
    @Any
    Instance<RealtimeTopic> topics;
    @Inject
    @ConfigProperty(name = "ALLOCAR_DB_URL", defaultValue = "jdbc:postgresql://localhost:55432/allocar")
    String url;
    @Inject
    @ConfigProperty(name = "ALLOCAR_DB_USER", defaultValue = "allocar")
    String user;
    @Inject
    @ConfigProperty(name = "ALLOCAR_DB_PASSWORD", defaultValue = "")
    String password;
    @Inject
    @ConfigProperty(name = "ALLOCAR_JDBC_DRIVER_JAR")
    Optional<String> driverJar;

    private final Map<String, RealtimeTopic> byPrefix = new HashMap<>();
    private PgListener listener;
    private Thread thread;
    private Driver driver;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        start();
    }

    synchronized void start() {
        if (listener != null) {
            return;
        }
        for (RealtimeTopic topic : topics) {
            if (byPrefix.put(topic.prefix(), topic) != null) {
                throw new IllegalStateException("two realtime topics use the prefix " + topic.prefix());
            }
        }
        listener = new PgListener(this::open, CHANNEL, this::dispatch, this::catchUp);
        thread = threads.newThread(listener);
        thread.setName("allocar-realtime-listener");
        thread.setDaemon(true);
        thread.start();
        LOG.info(() -> "Realtime listener started on channel " + CHANNEL + " for topics " + byPrefix.keySet());
    }

    /** Whether the listening connection is open now (for logs and tests). */
    public boolean listening() {
        PgListener current = listener;
        return current != null && current.listening();
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "10");
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("ALLOCAR_DB_URL is not a PostgreSQL JDBC URL");
        }
        return connection;
    }

    /**
     * The PostgreSQL driver, loaded from the data sources' driver jar in a class loader of its own. The application
     * must not see pgjdbc's classes: Hibernate would then bind geography and jsonb values as pgjdbc objects of the
     * application's copy, which the data sources' driver (another class loader) does not know. So the connection is
     * opened with the driver itself rather than DriverManager (which only hands out drivers its caller can load).
     */
    private synchronized Driver driver() throws SQLException {
        if (driver == null) {
            Path jar = driverJar();
            try {
                URLClassLoader loader = new URLClassLoader("allocar-realtime-pgjdbc", new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                driver = (Driver) loader.loadClass("org.postgresql.Driver").getDeclaredConstructor().newInstance();
                LOG.info(() -> "Realtime listener uses the PostgreSQL driver " + driver.getMajorVersion() + "."
                        + driver.getMinorVersion() + " from " + jar);
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                throw new SQLException("The PostgreSQL driver cannot be loaded from " + jar + ": " + e.getMessage(), e);
            }
        }
        return driver;
    }

    /** {@code ALLOCAR_JDBC_DRIVER_JAR}, by default the jar Liberty's data sources use. */
    Path driverJar() {
        if (driverJar.isPresent() && !driverJar.get().isBlank()) {
            return Path.of(driverJar.get());
        }
        String shared = System.getProperty("shared.resource.dir");
        if (shared != null) {
            return Path.of(shared, "jdbc", "postgresql.jar");
        }
        String userDir = System.getProperty("wlp.user.dir");
        if (userDir == null) {
            throw new IllegalStateException("ALLOCAR_JDBC_DRIVER_JAR is not set (server.xml sets it by default)");
        }
        return Path.of(userDir, "shared", "resources", "jdbc", "postgresql.jar");
    }

    /** Hands consecutive payloads of one topic over together, in the order they were received. */
    void dispatch(List<String> payloads) {
        String prefix = null;
        List<String> run = new ArrayList<>();
        for (String payload : payloads) {
            int colon = payload.indexOf(':');
            String next = colon < 0 ? payload : payload.substring(0, colon);
            if (prefix != null && !prefix.equals(next)) {
                deliver(prefix, run);
                run = new ArrayList<>();
            }
            prefix = next;
            run.add(colon < 0 ? "" : payload.substring(colon + 1));
        }
        if (prefix != null) {
            deliver(prefix, run);
        }
    }

    private void deliver(String prefix, List<String> run) {
        RealtimeTopic topic = byPrefix.get(prefix);
        if (topic == null) {
            LOG.fine(() -> "Realtime notification of no known topic: " + prefix);
            return;
        }
        try {
            topic.deliver(run);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Realtime topic " + prefix + " failed to deliver " + run.size()
                    + " notification(s); its rooms catch up at their next event: " + e.getMessage(), e);
        }
    }

    private void catchUp() {
        for (RealtimeTopic topic : byPrefix.values()) {
            try {
                topic.catchUp();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Realtime topic " + topic.prefix() + " failed to catch up: " + e.getMessage(),
                        e);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.stop();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
        LOG.info("Realtime listener stopped");
    }
}
