package com.allocar.platform.demo;

import com.allocar.platform.deployment.DeploymentEnvironment;
import com.allocar.platform.migration.DatabaseMigrator;
import com.allocar.platform.security.PasswordHasher;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo data of README (ALLOCAR_DEMO_DATA=true only): two verified drivers with a vehicle and daily trips
 * Abidjan Plateau ↔ Yamoussoukro for the next 14 days, three passengers, one admin per role. Idempotent:
 * every row is found by its natural key before it is made, so each start only adds what is missing (for
 * instance the days that came into the 14-day window since the last start). Its passwords are published, so
 * with {@code ALLOCAR_ENVIRONMENT=production} asking for it fails the start instead.
 */
@ApplicationScoped
public class DemoDataLoader {
    static final String USER_PASSWORD = "Demo-2026!";
    static final String ADMIN_PASSWORD = "Demo-Admin-2026!";
    static final String[] DRIVERS = {"+2250700000001", "+2250700000002"};
    static final String[] PASSENGERS = {"+2250500000001", "+2250500000002", "+2250500000003"};
    static final String[] ADMIN_ROLES = {"super", "ops", "support", "finance", "compliance"};
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    private static final String ABIDJAN = "SRID=4326;POINT(-4.0083 5.3575)";
    private static final String YAMOUSSOUKRO = "SRID=4326;POINT(-5.2760 6.8190)";

    @Resource(lookup = "jdbc/allocarAutonomous")
    DataSource dataSource;

    @Inject
    PasswordHasher passwords;

    @Inject
    @ConfigProperty(name = "ALLOCAR_DEMO_DATA", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = DeploymentEnvironment.SETTING, defaultValue = "production")
    DeploymentEnvironment environment;

    /** First thing at start-up, before the migrations touch the database. */
    void refuseInProduction(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                            @Initialized(ApplicationScoped.class) Object application) {
        requireAllowed(enabled, environment);
    }

    /** Demo accounts with known passwords never exist in production: the deployment fails with one clear line. */
    static void requireAllowed(boolean demoData, DeploymentEnvironment environment) {
        if (demoData && environment.isProduction()) {
            String refusal = "ALLOCAR_DEMO_DATA=true is refused with ALLOCAR_ENVIRONMENT=production (the demo accounts "
                    + "have published passwords): the application does not start. Unset ALLOCAR_DEMO_DATA.";
            LOG.severe(refusal);
            throw new IllegalStateException(refusal);
        }
    }

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        if (!enabled) {
            return;
        }
        requireAllowed(enabled, environment);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                load(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data could not be loaded", e);
        }
    }

    void load(Connection db) throws SQLException {
        // One advisory lock: two instances starting together do not both insert.
        execute(db, "SELECT pg_advisory_xact_lock(hashtext('allocar-demo-data'))");
        String userHash = passwords.hash(USER_PASSWORD);
        String adminHash = passwords.hash(ADMIN_PASSWORD);
        UUID superAdmin = null;
        for (String role : ADMIN_ROLES) {
            UUID admin = admin(db, role + "@allocar.test", role, adminHash);
            superAdmin = superAdmin == null ? admin : superAdmin;
        }
        String[][] driverNames = {{"Koffi", "Kouassi"}, {"Awa", "Traoré"}};
        String[][] vehicles = {{"Toyota", "Corolla", "Gris", "1234AB01", "comfort"},
                               {"Hyundai", "Accent", "Blanc", "5678CD01", "standard"}};
        for (int i = 0; i < DRIVERS.length; i++) {
            UUID driver = user(db, DRIVERS[i], driverNames[i][0], driverNames[i][1], true, userHash);
            approvedKyc(db, driver, superAdmin);
            UUID vehicle = vehicle(db, driver, vehicles[i]);
            for (int day = 0; day < 14; day++) {
                LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(day + 1L);
                boolean outbound = i == 0;
                Instant departure = date.atTime(outbound ? LocalTime.of(7, 0) : LocalTime.of(14, 0)).toInstant(ZoneOffset.UTC);
                trip(db, driver, vehicle, vehicles[i][4], departure, outbound);
            }
        }
        String[][] passengerNames = {{"Aya", "Konan"}, {"Moussa", "Diabaté"}, {"Fatou", "Bamba"}};
        for (int i = 0; i < PASSENGERS.length; i++) {
            user(db, PASSENGERS[i], passengerNames[i][0], passengerNames[i][1], false, userHash);
        }
        LOG.info("Demo data present: 2 drivers, 3 passengers, 5 admins, trips for the next 14 days");
    }

    private static UUID admin(Connection db, String email, String role, String hash) throws SQLException {
        UUID existing = id(db, "SELECT id FROM admin_users WHERE lower(email) = lower(?)", email);
        if (existing != null) {
            return existing;
        }
        return id(db, "INSERT INTO admin_users (email, password_hash, role) VALUES (?, ?, ?) RETURNING id", email, hash, role);
    }

    private static UUID user(Connection db, String phone, String first, String last, boolean driver, String hash)
            throws SQLException {
        UUID id = id(db, "SELECT id FROM users WHERE phone = ?", phone);
        if (id == null) {
            id = id(db, "INSERT INTO users (phone, password_hash, first_name, last_name, is_driver, is_phone_verified) "
                    + "VALUES (?, ?, ?, ?, ?, true) RETURNING id", phone, hash, first, last, driver);
        }
        if (id(db, "SELECT id FROM wallets WHERE user_id = ?", id) == null) {
            id(db, "INSERT INTO wallets (user_id) VALUES (?) RETURNING id", id);
        }
        return id;
    }

    private static void approvedKyc(Connection db, UUID driver, UUID reviewer) throws SQLException {
        if (id(db, "SELECT id FROM kyc_documents WHERE user_id = ? AND status = 'approved'", driver) == null) {
            id(db, "INSERT INTO kyc_documents (user_id, doc_type, doc_number, front_key, status, reviewed_by, reviewed_at, notes) "
                    + "VALUES (?, 'cni', ?, ?, 'approved', ?, now(), 'demo data') RETURNING id",
                    driver, "CI-DEMO-" + driver.toString().substring(0, 8), "demo/" + driver + "/front.jpg", reviewer);
        }
    }

    private static UUID vehicle(Connection db, UUID driver, String[] v) throws SQLException {
        UUID id = id(db, "SELECT id FROM vehicles WHERE plate_number = ?", v[3]);
        if (id != null) {
            return id;
        }
        return id(db, "INSERT INTO vehicles (user_id, make, model, color, plate_number, seats_total, comfort_level, verified) "
                + "VALUES (?, ?, ?, ?, ?, 4, ?, true) RETURNING id", driver, v[0], v[1], v[2], v[3], v[4]);
    }

    private static void trip(Connection db, UUID driver, UUID vehicle, String comfort, Instant departure, boolean outbound)
            throws SQLException {
        Timestamp at = Timestamp.from(departure);
        if (id(db, "SELECT id FROM trips WHERE driver_id = ? AND departure_time = ?", driver, at) != null) {
            return;
        }
        Timestamp arrival = Timestamp.from(departure.plus(Duration.ofMinutes(195)));
        id(db, "INSERT INTO trips (driver_id, vehicle_id, origin_point, origin_text, destination_point, destination_text, "
                        + "departure_time, arrival_eta, distance_m, duration_s, price_per_seat, seats_offered, seats_available, "
                        + "comfort, luggage_policy, rules, allow_auto_accept, status) "
                        + "VALUES (?, ?, ST_GeogFromText(?), ?, ST_GeogFromText(?), ?, ?, ?, 232000, 11700, 6000, 3, 3, ?, "
                        + "'1 valise cabine', 'Non-fumeur', ?, 'published') RETURNING id",
                driver, vehicle,
                outbound ? ABIDJAN : YAMOUSSOUKRO, outbound ? "Abidjan, Plateau" : "Yamoussoukro",
                outbound ? YAMOUSSOUKRO : ABIDJAN, outbound ? "Yamoussoukro" : "Abidjan, Plateau",
                at, arrival, comfort, outbound);
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static UUID id(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getObject(1, UUID.class) : null;
            }
        }
    }
}
