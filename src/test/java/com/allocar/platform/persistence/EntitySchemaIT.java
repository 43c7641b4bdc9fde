package com.allocar.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.allocar.admin.AdminRole;
import com.allocar.admin.AdminUser;
import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingEvent;
import com.allocar.bookings.BookingStatus;
import com.allocar.disputes.Dispute;
import com.allocar.disputes.DisputeCategory;
import com.allocar.identity.KycDocType;
import com.allocar.identity.KycDocument;
import com.allocar.identity.KycStatus;
import com.allocar.identity.OtpCode;
import com.allocar.identity.OtpPurpose;
import com.allocar.identity.RefreshToken;
import com.allocar.identity.User;
import com.allocar.messaging.DriverLocation;
import com.allocar.messaging.Message;
import com.allocar.messaging.MessageType;
import com.allocar.notifications.DevicePlatform;
import com.allocar.notifications.DeviceToken;
import com.allocar.notifications.OutboxChannel;
import com.allocar.notifications.OutboxMessage;
import com.allocar.payments.Payment;
import com.allocar.payments.PaymentAttempt;
import com.allocar.payments.PaymentMethod;
import com.allocar.payments.PaymentProvider;
import com.allocar.payments.WebhookEvent;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditLog;
import com.allocar.platform.idempotency.IdempotencyKey;
import com.allocar.platform.idempotency.IdempotencyStatus;
import com.allocar.platform.settings.Setting;
import com.allocar.platform.settings.SettingValueType;
import com.allocar.promos.Promo;
import com.allocar.promos.PromoRedemption;
import com.allocar.promos.PromoType;
import com.allocar.ratings.Rating;
import com.allocar.ratings.RatingRole;
import com.allocar.referrals.Referral;
import com.allocar.trips.Trip;
import com.allocar.trips.TripStatus;
import com.allocar.trips.TripStop;
import com.allocar.vehicles.ComfortLevel;
import com.allocar.vehicles.Vehicle;
import com.allocar.payouts.Payout;
import com.allocar.wallet.PayoutProvider;
import com.allocar.wallet.Wallet;
import com.allocar.wallet.WalletTxn;
import com.allocar.wallet.WalletTxnSource;
import com.allocar.wallet.WalletTxnStatus;
import com.allocar.wallet.WalletTxnType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.spi.JsonbProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Persistence;
import jakarta.persistence.RollbackException;
import jakarta.persistence.metamodel.EntityType;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.hibernate.type.format.AbstractJsonFormatMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.postgresql.util.PSQLException;

/**
 * The JPA entities against the schema the running server migrated: Hibernate validates every entity against
 * its table, a graph of rows round-trips with database-generated ids, geography points and jsonb, and the
 * database itself refuses the rows the CHECK constraints forbid. Every row is new, with random unique
 * values, and none is deleted, so the tests depend neither on their order nor on other tests sharing the
 * database.
 */
class EntitySchemaIT {
    /** Every table of the data model, each with a uuid id defaulting to gen_random_uuid(). */
    private static final List<String> TABLES = List.of("users", "kyc_documents", "vehicles", "trips", "trip_stops",
            "bookings", "booking_events", "payments", "payment_attempts", "wallets", "wallet_txns", "messages", "driver_locations",
            "ratings", "promos", "promo_redemptions", "referrals", "disputes", "admin_users", "audit_logs", "payouts",
            "settings", "idempotency_keys", "webhook_events", "outbox_messages", "refresh_tokens",
            "otp_codes", "device_tokens");

    private static final List<Class<?>> ENTITIES = List.of(User.class, KycDocument.class, RefreshToken.class,
            OtpCode.class, Vehicle.class, Trip.class, TripStop.class, Booking.class, BookingEvent.class,
            Payment.class, PaymentAttempt.class, WebhookEvent.class, Payout.class, Wallet.class, WalletTxn.class,
            Message.class, DriverLocation.class, Rating.class, Promo.class, PromoRedemption.class, Referral.class,
            Dispute.class, AdminUser.class, AuditLog.class, Setting.class, IdempotencyKey.class,
            OutboxMessage.class, DeviceToken.class);

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Point ABIDJAN_PLATEAU = point(5.3575, -4.0083);
    private static final Point YAMOUSSOUKRO = point(6.8190, -5.2760);
    private static final Point TIEBISSOU = point(7.1580, -5.2240);

    private static String url;
    private static String dbUser;
    private static String dbPassword;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void bootstrapHibernateOutsideTheContainer() {
        url = requiredEnv("ALLOCAR_DB_URL");
        dbUser = requiredEnv("ALLOCAR_DB_USER");
        dbPassword = System.getenv().getOrDefault("ALLOCAR_DB_PASSWORD", "");

        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", null); // removes persistence.xml's jdbc/allocar
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", dbUser);
        properties.put("jakarta.persistence.jdbc.password", dbPassword);
        properties.put("jakarta.persistence.validation.mode", "none");
        // Every mapped entity is compared with its table; a missing table or column, or a wrong type, fails here.
        properties.put("hibernate.hbm2ddl.auto", "validate");
        if (!jsonbProviderPresent()) {
            properties.put("hibernate.type.json_format_mapper", new StringOnlyJsonFormatMapper());
        }
        emf = Persistence.createEntityManagerFactory("allocar", properties);
    }

    @AfterAll
    static void close() {
        if (emf != null) {
            emf.close();
        }
    }

    @Test
    void everyEntityIsMappedAndValidatedAgainstItsTable() {
        Set<Class<?>> mapped = emf.getMetamodel().getEntities().stream().map(EntityType::getJavaType)
                .collect(Collectors.toSet());
        assertThat(mapped).containsAll(ENTITIES);
    }

    /** Tables that only triggers write, keyed by the rows they derive from (no entity, no id of their own). */
    private static final Set<String> DERIVED_TABLES = Set.of("trip_search_legs");

    @Test
    void everyTableHasADatabaseGeneratedUuidPrimaryKey() throws SQLException {
        Map<String, String> idDefaults = new HashMap<>();
        try (Connection db = jdbc(); PreparedStatement query = db.prepareStatement(
                "SELECT c.table_name, c.data_type, c.column_default FROM information_schema.columns c "
                        + "JOIN information_schema.key_column_usage k ON k.table_schema = c.table_schema "
                        + "AND k.table_name = c.table_name AND k.column_name = c.column_name "
                        + "JOIN information_schema.table_constraints t ON t.constraint_name = k.constraint_name "
                        + "AND t.table_schema = k.table_schema AND t.constraint_type = 'PRIMARY KEY' "
                        + "WHERE c.table_schema = current_schema() AND c.column_name = 'id'")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    idDefaults.put(rows.getString(1), rows.getString(2) + " default " + rows.getString(3));
                }
            }
        }
        List<String> allTables = new ArrayList<>();
        try (Connection db = jdbc(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN "
                     + "('databasechangelog', 'databasechangeloglock', 'spatial_ref_sys')")) {
            while (rows.next()) {
                allTables.add(rows.getString(1));
            }
        }
        assertThat(allTables).containsAll(TABLES);
        // API-2 holds for every table, including any added after this test was written.
        for (String table : allTables) {
            if (DERIVED_TABLES.contains(table)) {
                continue;
            }
            assertThat(idDefaults).as("primary key id of " + table)
                    .containsEntry(table, "uuid default gen_random_uuid()");
        }
    }

    @Test
    void aTripWithItsStopBookingAndAuditRoundTrips() throws SQLException {
        UUID userId;
        UUID vehicleId;
        UUID tripId;
        UUID bookingId;
        UUID eventId;
        UUID auditId;
        Instant tripCreatedAt;
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            User driver = new User(randomPhone(), randomEmail(), "hash");
            driver.setFirstName("Awa");
            driver.setDriver(true);
            em.persist(driver);
            User passenger = new User(randomPhone(), null, null);
            em.persist(passenger);
            Vehicle vehicle = new Vehicle(driver.getId(), "Toyota", "Corolla", randomPlate(), 4, ComfortLevel.comfort);
            em.persist(vehicle);
            Trip trip = new Trip(driver, ABIDJAN_PLATEAU, "Abidjan, Plateau", YAMOUSSOUKRO, "Yamoussoukro",
                    Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), new BigDecimal("6000"), 3);
            trip.setVehicle(vehicle);
            trip.addStop(1, TIEBISSOU, "Tiébissou", true, false);
            em.persist(trip);
            Booking booking = new Booking(trip, passenger, 2, new BigDecimal("12000"), null);
            em.persist(booking);
            BookingEvent event = new BookingEvent(booking, null, BookingStatus.pending, ActorType.user,
                    passenger.getId(), "{\"seats\": 2, \"channel\": \"app\"}");
            em.persist(event);
            AuditLog audit = new AuditLog(ActorType.user, passenger.getId(), "booking.create", "bookings",
                    booking.getId(), "{\"seats\": 2, \"note\": \"côte d'ivoire\", \"tags\": [\"a\", null, true]}")
                    .withRequest(UUID.randomUUID().toString(), "203.0.113.7");
            em.persist(audit);

            // The ids are the database's (gen_random_uuid()), read back on insert.
            for (UUID id : List.of(driver.getId(), passenger.getId(), vehicle.getId(), trip.getId(),
                    trip.getStops().get(0).getId(), booking.getId(), event.getId(), audit.getId())) {
                assertThat(id).isNotNull();
                assertThat(id.version()).as("gen_random_uuid() makes version 4 UUIDs").isEqualTo(4);
            }
            assertThat(trip.getCreatedAt()).isNotNull();
            assertThat(trip.getUpdatedAt()).isEqualTo(trip.getCreatedAt());
            assertThat(audit.getCreatedAt()).isNotNull();
            em.getTransaction().commit();
            userId = driver.getId();
            tripCreatedAt = trip.getCreatedAt();
            vehicleId = vehicle.getId();
            tripId = trip.getId();
            bookingId = booking.getId();
            eventId = event.getId();
            auditId = audit.getId();
        } finally {
            em.close();
        }

        em = emf.createEntityManager();
        try {
            Trip trip = em.find(Trip.class, tripId);
            assertThat(trip.getDriver().getId()).isEqualTo(userId);
            assertThat(trip.getDriver().getFirstName()).isEqualTo("Awa");
            assertThat(trip.getVehicle().getId()).isEqualTo(vehicleId);
            assertThat(trip.getComfort()).isEqualTo(ComfortLevel.comfort);
            assertThat(trip.getStatus()).isEqualTo(TripStatus.draft);
            assertThat(trip.getCreatedAt()).isEqualTo(tripCreatedAt);
            assertThat(trip.getPricePerSeat()).isEqualByComparingTo("6000");
            assertThat(trip.getSeatsAvailable()).isEqualTo(3);
            assertSamePlace(trip.getOriginPoint(), ABIDJAN_PLATEAU);
            assertSamePlace(trip.getDestinationPoint(), YAMOUSSOUKRO);
            assertThat(trip.getStops()).hasSize(1);
            TripStop stop = trip.getStops().get(0);
            assertThat(stop.getStopOrder()).isEqualTo(1);
            assertThat(stop.getLabel()).isEqualTo("Tiébissou");
            assertThat(stop.isPickupAllowed()).isTrue();
            assertThat(stop.isDropoffAllowed()).isFalse();
            assertSamePlace(stop.getPoint(), TIEBISSOU);

            Booking booking = em.find(Booking.class, bookingId);
            assertThat(booking.getTrip().getId()).isEqualTo(tripId);
            assertThat(booking.getStatus()).isEqualTo(BookingStatus.pending);
            assertThat(booking.getAmountTotal()).isEqualByComparingTo("12000");
            assertThat(booking.getCurrency()).isEqualTo("XOF");

            BookingEvent event = em.find(BookingEvent.class, eventId);
            assertThat(event.getFromStatus()).isNull();
            assertThat(event.getToStatus()).isEqualTo(BookingStatus.pending);
            assertThat(parse(event.getMeta())).isEqualTo(parse("{\"channel\": \"app\", \"seats\": 2}"));

            AuditLog audit = em.find(AuditLog.class, auditId);
            assertThat(audit.getActorType()).isEqualTo(ActorType.user);
            assertThat(audit.getEntityId()).isEqualTo(bookingId);
            assertThat(audit.getIp()).isEqualTo("203.0.113.7");
            assertThat(parse(audit.getMeta()))
                    .isEqualTo(parse("{\"tags\": [\"a\", null, true], \"note\": \"côte d'ivoire\", \"seats\": 2}"));
        } finally {
            em.close();
        }

        // What the database holds, independently of Hibernate: longitude is x, the SRID is 4326, distances are
        // geodesic metres, and meta is a jsonb object.
        try (Connection db = jdbc(); PreparedStatement query = db.prepareStatement(
                "SELECT ST_X(origin_point::geometry), ST_Y(origin_point::geometry), ST_SRID(origin_point::geometry), "
                        + "ST_Distance(origin_point, destination_point) FROM trips WHERE id = ?")) {
            query.setObject(1, tripId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getDouble(1)).isEqualTo(-4.0083);
                assertThat(row.getDouble(2)).isEqualTo(5.3575);
                assertThat(row.getInt(3)).isEqualTo(4326);
                assertThat(row.getDouble(4)).as("Abidjan to Yamoussoukro, as the crow flies").isBetween(200e3, 230e3);
            }
            try (PreparedStatement meta = db.prepareStatement(
                    "SELECT jsonb_typeof(meta), meta->>'note' FROM audit_logs WHERE id = ?")) {
                meta.setObject(1, auditId);
                try (ResultSet row = meta.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("object");
                    assertThat(row.getString(2)).isEqualTo("côte d'ivoire");
                }
            }
        }
    }

    @Test
    void everyOtherEntityPersistsWithItsDefaultsAndReadsBack() throws SQLException {
        Map<Class<?>, UUID> ids = new HashMap<>();
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            AdminUser admin = new AdminUser(randomEmail(), "hash", AdminRole.super_);
            User driver = new User(randomPhone(), null, "hash");
            User passenger = new User(null, randomEmail(), "hash");
            Trip trip = new Trip(driver, ABIDJAN_PLATEAU, "Abidjan", YAMOUSSOUKRO, "Yamoussoukro",
                    Instant.now().plus(1, ChronoUnit.DAYS), new BigDecimal("5000"), 2);
            Booking booking = new Booking(trip, passenger, 1, new BigDecimal("5000"),
                    Instant.now().plus(3, ChronoUnit.HOURS));
            KycDocument kyc = new KycDocument(driver, KycDocType.cni, "CI-" + UUID.randomUUID(), "kyc/front", null);
            for (Object entity : List.of(admin, driver, passenger, trip, booking, kyc)) {
                em.persist(entity);
            }
            kyc.review(KycStatus.approved, admin.getId(), "ok", Instant.now());

            Wallet wallet = new Wallet(passenger.getId());
            Promo promo = new Promo("it" + UUID.randomUUID().toString().substring(0, 8), PromoType.percent,
                    new BigDecimal("10"));
            promo.setLimits(100, 1);
            Payout payout = new Payout(driver.getId(), new BigDecimal("4500"), BigDecimal.ZERO, PayoutProvider.wave,
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"));
            Payment payment = Payment.forBooking(booking, passenger.getId(), PaymentMethod.orange,
                    new BigDecimal("5000"));
            payment.showAttempt("order-" + UUID.randomUUID());
            List<Object> more = List.of(wallet, promo, payout, payment,
                    Payment.forTopup(passenger.getId(), PaymentMethod.wave, new BigDecimal("10000")),
                    new WebhookEvent(PaymentProvider.wave, "EV_" + UUID.randomUUID(), "checkout.session.completed",
                            "{\"id\": \"EV\"}"),
                    RefreshToken.forUser(passenger.getId(), UUID.randomUUID(), "h-" + UUID.randomUUID(),
                            Instant.now().plus(30, ChronoUnit.DAYS), "JUnit", "127.0.0.1"),
                    new OtpCode(passenger.getEmail(), OtpPurpose.verify_email, "code-hash",
                            Instant.now().plus(10, ChronoUnit.MINUTES)),
                    new Message(booking, 1, passenger.getId(), MessageType.text, "J'arrive", false),
                    new DriverLocation(trip.getId(), driver.getId(), TIEBISSOU),
                    new Rating(booking.getId(), passenger.getId(), driver.getId(), RatingRole.as_driver, 5, "Parfait"),
                    new Referral(driver.getId(), passenger.getId(), new BigDecimal("500"), new BigDecimal("500")),
                    new Dispute(booking.getId(), passenger.getId(), passenger.getId(), driver.getId(),
                            DisputeCategory.no_show, "Driver never came", List.of()),
                    new Setting("it.fee_" + UUID.randomUUID().toString().substring(0, 8), SettingValueType.decimal,
                            "2.5", "a test setting"),
                    new OutboxMessage(OutboxChannel.sms, passenger.getEmail(), null, "Bon voyage", null),
                    new DeviceToken(passenger.getId(), DevicePlatform.android, "fcm-" + UUID.randomUUID()));
            for (Object entity : more) {
                em.persist(entity);
                ids.put(entity.getClass(), (UUID) emf.getPersistenceUnitUtil().getIdentifier(entity));
            }
            em.persist(RefreshToken.forAdmin(admin.getId(), UUID.randomUUID(), "h-" + UUID.randomUUID(),
                    Instant.now().plus(1, ChronoUnit.DAYS), null, null));
            WalletTxn txn = new WalletTxn(wallet, WalletTxnType.credit, WalletTxnSource.refund, new BigDecimal("5000"),
                    WalletTxnStatus.completed).withRef("payment", payment.getId(), "refund-" + payment.getId());
            txn.setBalanceAfter(new BigDecimal("5000"));
            em.persist(txn);
            em.persist(new PromoRedemption(promo, passenger.getId(), booking.getId(), new BigDecimal("500")));
            em.getTransaction().commit();
            ids.put(Payment.class, payment.getId());
            ids.put(AdminUser.class, admin.getId());
            ids.put(KycDocument.class, kyc.getId());
            ids.put(WalletTxn.class, txn.getId());
        } finally {
            em.close();
        }

        em = emf.createEntityManager();
        try {
            assertThat(ids.values()).doesNotContainNull().allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
            assertThat(em.find(AdminUser.class, ids.get(AdminUser.class)).getRole()).isEqualTo(AdminRole.super_);
            assertThat(em.find(KycDocument.class, ids.get(KycDocument.class)).getStatus()).isEqualTo(KycStatus.approved);
            Payment payment = em.find(Payment.class, ids.get(Payment.class));
            assertThat(payment.getProviderRef()).startsWith("order-");
            assertThat(parse(em.find(WebhookEvent.class, ids.get(WebhookEvent.class)).getPayload()))
                    .isEqualTo(parse("{\"id\":\"EV\"}"));
            assertThat(em.find(Setting.class, ids.get(Setting.class)).getValue()).isEqualTo("2.5");
            assertThat(em.find(WalletTxn.class, ids.get(WalletTxn.class)).getWallet().getBalance()).isZero();
            assertThat(em.find(OutboxMessage.class, ids.get(OutboxMessage.class)).getNextAttemptAt()).isNotNull();
            assertSamePlace(em.find(DriverLocation.class, ids.get(DriverLocation.class)).getPoint(), TIEBISSOU);
        } finally {
            em.close();
        }
        try (Connection db = jdbc(); PreparedStatement role = db.prepareStatement(
                "SELECT role FROM admin_users WHERE id = ?")) {
            role.setObject(1, ids.get(AdminUser.class));
            try (ResultSet row = role.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("super");
            }
        }
    }

    @Test
    void idempotencyKeysWrittenBySqlAreReadByTheEntity() throws SQLException {
        UUID id;
        try (Connection db = jdbc(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO idempotency_keys (scope, idem_key, request_hash, expires_at, response_headers) "
                        + "VALUES ('it', ?, 'hash', now() + interval '1 day', '{\"Location\": \"/x\"}') RETURNING id")) {
            insert.setString(1, UUID.randomUUID().toString());
            id = returnedId(insert);
        }
        EntityManager em = emf.createEntityManager();
        try {
            IdempotencyKey key = em.find(IdempotencyKey.class, id);
            assertThat(key.getStatus()).isEqualTo(IdempotencyStatus.in_progress);
            assertThat(key.getCreatedAt()).isNotNull();
            assertThat(parse(key.getResponseHeaders())).isEqualTo(parse("{\"Location\": \"/x\"}"));
        } finally {
            em.close();
        }
    }

    @Test
    void updatesBumpTheVersionAndUpdatedAtAndStaleWritesFail() throws SQLException {
        UUID userId = persistNewUser();
        EntityManager first = emf.createEntityManager();
        EntityManager second = emf.createEntityManager();
        try {
            User mine = first.find(User.class, userId);
            User theirs = second.find(User.class, userId);
            Instant createdAt = mine.getCreatedAt();

            first.getTransaction().begin();
            mine.setFirstName("Kouadio");
            first.getTransaction().commit();
            assertThat(mine.getVersion()).isEqualTo(1);
            assertThat(mine.getUpdatedAt()).isAfter(createdAt);
            assertThat(updatedAtInDatabase("users", userId)).as("written as set, not replaced by the trigger")
                    .isEqualTo(mine.getUpdatedAt());

            second.getTransaction().begin();
            theirs.setLastName("Stale");
            assertThatThrownBy(() -> second.getTransaction().commit())
                    .isInstanceOf(RollbackException.class)
                    .hasCauseInstanceOf(OptimisticLockException.class);
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void sqlUpdatesMoveUpdatedAtToo() throws SQLException {
        try (Connection db = jdbc()) {
            UUID tripId = insertTrip(db, insertUser(db), 2);
            Instant before = updatedAtInDatabase("trips", tripId);
            updateCount(db, "UPDATE trips SET seats_available = seats_available - 1 WHERE id = ?", tripId);
            assertThat(updatedAtInDatabase("trips", tripId)).isAfter(before);
        }
    }

    @Test
    void seatsAvailableCannotGoNegative() throws SQLException {
        try (Connection db = jdbc()) {
            UUID tripId = insertTrip(db, insertUser(db), 1);
            assertThat(updateCount(db, "UPDATE trips SET seats_available = seats_available - 1 WHERE id = ?", tripId))
                    .as("the last seat can be taken").isEqualTo(1);
            assertCheckViolation("trips_seats_available_check", () ->
                    updateCount(db, "UPDATE trips SET seats_available = seats_available - 1 WHERE id = ?", tripId));
        }
    }

    @Test
    void starsAreBetweenOneAndFive() throws SQLException {
        try (Connection db = jdbc()) {
            UUID driverId = insertUser(db);
            UUID passengerId = insertUser(db);
            UUID bookingId = insertBooking(db, insertTrip(db, driverId, 3), passengerId);
            String rate = "INSERT INTO ratings (booking_id, from_user_id, to_user_id, role, stars) VALUES ('" + bookingId
                    + "', '" + passengerId + "', '" + driverId + "', 'as_driver', ?)";
            assertCheckViolation("ratings_stars_check", () -> execute(db, rate, 6));
            assertCheckViolation("ratings_stars_check", () -> execute(db, rate, 0));
            assertThat(execute(db, rate, 5)).isEqualTo(1);
        }
    }

    @Test
    void aWalletBalanceCannotGoNegative() throws SQLException {
        try (Connection db = jdbc()) {
            UUID walletId = insertReturningId(db, "INSERT INTO wallets (user_id) VALUES (?) RETURNING id", insertUser(db));
            assertCheckViolation("wallets_balance_check", () ->
                    updateCount(db, "UPDATE wallets SET balance = balance - 1 WHERE id = ?", walletId));
        }
    }

    @Test
    void amountsCannotBeNegative() throws SQLException {
        try (Connection db = jdbc()) {
            UUID passengerId = insertUser(db);
            UUID bookingId = insertBooking(db, insertTrip(db, insertUser(db), 3), passengerId);
            assertCheckViolation("payments_amount_check", () -> execute(db,
                    "INSERT INTO payments (booking_id, user_id, method, amount) VALUES ('" + bookingId + "', '"
                            + passengerId + "', 'wave', ?)", new BigDecimal("-1")));
            assertCheckViolation("bookings_amount_total_check", () -> execute(db,
                    "UPDATE bookings SET amount_total = ? WHERE id = '" + bookingId + "'", new BigDecimal("-0.01")));
            UUID walletId = insertReturningId(db, "INSERT INTO wallets (user_id) VALUES (?) RETURNING id", passengerId);
            assertCheckViolation("wallet_txns_amount_check", () -> execute(db,
                    "INSERT INTO wallet_txns (wallet_id, type, amount, source) VALUES ('" + walletId
                            + "', 'credit', ?, 'topup')", new BigDecimal("-500")));
        }
    }

    @Test
    void seatCountsAndRatingAveragesStayInRange() throws SQLException {
        try (Connection db = jdbc()) {
            UUID userId = insertUser(db);
            assertCheckViolation("vehicles_seats_total_check", () -> execute(db,
                    "INSERT INTO vehicles (user_id, make, model, plate_number, seats_total) VALUES ('" + userId
                            + "', 'Kia', 'Rio', '" + randomPlate() + "', ?)", 0));
            assertCheckViolation("bookings_seats_check", () -> execute(db,
                    "INSERT INTO bookings (trip_id, passenger_id, seats, amount_total) VALUES ('"
                            + insertTrip(db, insertUser(db), 3) + "', '" + userId + "', ?, 0)", 0));
            assertCheckViolation("users_rating_avg_check", () -> execute(db,
                    "UPDATE users SET rating_avg = ? WHERE id = '" + userId + "'", new BigDecimal("5.01")));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail(name + " must point at the PostGIS database the server migrated");
        }
        return value;
    }

    private static boolean jsonbProviderPresent() {
        try {
            JsonbProvider.provider();
            return true;
        } catch (JsonbException e) {
            return false;
        }
    }

    private static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url, dbUser, dbPassword);
    }

    private static Instant updatedAtInDatabase(String table, UUID id) throws SQLException {
        try (Connection db = jdbc();
             PreparedStatement query = db.prepareStatement("SELECT updated_at FROM " + table + " WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static UUID persistNewUser() {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            User user = new User(randomPhone(), null, null);
            em.persist(user);
            em.getTransaction().commit();
            return user.getId();
        } finally {
            em.close();
        }
    }

    private static UUID insertUser(Connection db) throws SQLException {
        return insertReturningId(db, "INSERT INTO users (phone) VALUES (?) RETURNING id", randomPhone());
    }

    private static UUID insertTrip(Connection db, UUID driverId, int seats) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO trips (driver_id, origin_point, origin_text, "
                + "destination_point, destination_text, departure_time, price_per_seat, seats_offered, seats_available) "
                + "VALUES (?, 'SRID=4326;POINT(-4.0083 5.3575)', 'Abidjan', 'SRID=4326;POINT(-5.276 6.819)', "
                + "'Yamoussoukro', now() + interval '1 day', 6000, ?, ?) RETURNING id")) {
            insert.setObject(1, driverId);
            insert.setInt(2, seats);
            insert.setInt(3, seats);
            return returnedId(insert);
        }
    }

    private static UUID insertBooking(Connection db, UUID tripId, UUID passengerId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bookings (trip_id, passenger_id, seats, "
                + "amount_total) VALUES (?, ?, 1, 6000) RETURNING id")) {
            insert.setObject(1, tripId);
            insert.setObject(2, passengerId);
            return returnedId(insert);
        }
    }

    private static UUID insertReturningId(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            insert.setObject(1, parameter);
            return returnedId(insert);
        }
    }

    private static UUID returnedId(PreparedStatement insert) throws SQLException {
        try (ResultSet row = insert.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getObject(1, UUID.class);
        }
    }

    private static int updateCount(Connection db, String sql, UUID id) throws SQLException {
        return execute(db, sql, id);
    }

    private static int execute(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            return statement.executeUpdate();
        }
    }

    private interface SqlAction {
        Object run() throws SQLException;
    }

    /** The statement fails with check_violation (SQLSTATE 23514) on exactly the named constraint. */
    private static void assertCheckViolation(String constraint, SqlAction action) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(PSQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("23514");
                    assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
                });
    }

    private static void assertSamePlace(Point actual, Point expected) {
        assertThat(actual.getSRID()).isEqualTo(4326);
        assertThat(actual.getX()).as("longitude").isEqualTo(expected.getX());
        assertThat(actual.getY()).as("latitude").isEqualTo(expected.getY());
    }

    private static Point point(double latitude, double longitude) {
        return WGS84.createPoint(new Coordinate(longitude, latitude));
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static String randomPhone() {
        return "+225" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static String randomEmail() {
        return "it-" + UUID.randomUUID() + "@example.test";
    }

    private static String randomPlate() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    /**
     * Used only when no JSON-B provider is on the test classpath: Hibernate needs a JSON format mapper for jsonb
     * columns, and for String attributes every mapper (Liberty's JSON-B one included) passes the text through
     * unchanged ({@link AbstractJsonFormatMapper} handles String itself), which is all the entities use.
     */
    static final class StringOnlyJsonFormatMapper extends AbstractJsonFormatMapper {
        @Override
        protected <T> T fromString(CharSequence json, Type type) {
            throw new UnsupportedOperationException("jsonb attributes are mapped as String, not " + type);
        }

        @Override
        protected <T> String toString(T value, Type type) {
            throw new UnsupportedOperationException("jsonb attributes are mapped as String, not " + type);
        }
    }
}
