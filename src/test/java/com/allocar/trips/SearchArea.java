package com.allocar.trips;

import com.allocar.testsupport.Accounts;
import com.allocar.testsupport.TestSchemas;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A private corner of the world for one search test: two places 150 km apart, far from every other test's,
 * and direct SQL to put drivers and trips there (the search reads what the database holds, however written).
 */
final class SearchArea {
    /** About 1 km in degrees of latitude. */
    static final double KM = 1 / 111.2;

    final double lat;
    final double lon;

    private SearchArea(double lat, double lon) {
        this.lat = lat;
        this.lon = lon;
    }

    /** Random places in a band where 1 degree of longitude is close to 1 degree of latitude. */
    static SearchArea fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new SearchArea(random.nextDouble(-10, 10), random.nextDouble(-170, 170));
    }

    /** A point {@code northKm} north and {@code eastKm} east of the area's origin place. */
    double[] at(double northKm, double eastKm) {
        return new double[] {lat + northKm * KM, lon + eastKm * KM / Math.cos(Math.toRadians(lat))};
    }

    String param(double northKm, double eastKm) {
        double[] point = at(northKm, eastKm);
        return point[0] + "," + point[1];
    }

    static UUID driver(String firstName, double rating, boolean verified) throws SQLException {
        try (Connection db = TestSchemas.connect("public")) {
            UUID id = insertReturningId(db, "INSERT INTO users (phone, first_name, is_driver, rating_avg, rating_count) "
                    + "VALUES (?, ?, true, ?, 12) RETURNING id", Accounts.newPhone(), firstName, BigDecimal.valueOf(rating));
            if (verified) {
                try (PreparedStatement kyc = db.prepareStatement("INSERT INTO kyc_documents (user_id, doc_type, doc_number, "
                        + "front_key, status, reviewed_at) VALUES (?, 'cni', ?, 'kyc/front.jpg', 'approved', now())")) {
                    kyc.setObject(1, id);
                    kyc.setString(2, "CI" + System.nanoTime());
                    kyc.executeUpdate();
                }
            }
            return id;
        }
    }

    static UUID vehicle(UUID driver, String comfort) throws SQLException {
        try (Connection db = TestSchemas.connect("public")) {
            return insertReturningId(db, "INSERT INTO vehicles (user_id, make, model, color, plate_number, seats_total, "
                    + "comfort_level) VALUES (?, 'Toyota', 'Corolla', 'gris', ?, 4, ?) RETURNING id",
                    driver, "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), comfort);
        }
    }

    /** A trip written straight into the table; see {@link TripSpec} for the defaults. */
    UUID trip(TripSpec spec) throws SQLException {
        try (Connection db = TestSchemas.connect("public")) {
            double[] origin = at(spec.origin[0], spec.origin[1]);
            double[] destination = at(spec.destination[0], spec.destination[1]);
            UUID id = insertReturningId(db, "INSERT INTO trips (driver_id, vehicle_id, origin_point, origin_text, "
                    + "destination_point, destination_text, departure_time, distance_m, duration_s, arrival_eta, "
                    + "price_per_seat, seats_offered, seats_available, comfort, status, cancelled_at) VALUES "
                    + "(?, ?, ST_MakePoint(?, ?)::geography, ?, ST_MakePoint(?, ?)::geography, ?, ?, 150000, 7200, ?, "
                    + "?, 4, ?, ?, ?, ?) RETURNING id",
                    spec.driver, spec.vehicle, origin[1], origin[0], spec.originText, destination[1], destination[0],
                    spec.destinationText, Timestamp.from(spec.departure), Timestamp.from(spec.departure.plusSeconds(7200)),
                    spec.price, spec.seatsAvailable, spec.comfort, spec.status,
                    spec.status.equals("cancelled") ? Timestamp.from(Instant.now()) : null);
            int order = 1;
            for (Stop stop : spec.stops) {
                double[] point = at(stop.northKm, stop.eastKm);
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO trip_stops (trip_id, stop_order, point, "
                        + "label, pickup_allowed, dropoff_allowed) VALUES (?, ?, ST_MakePoint(?, ?)::geography, ?, ?, ?)")) {
                    insert.setObject(1, id);
                    insert.setInt(2, order++);
                    insert.setDouble(3, point[1]);
                    insert.setDouble(4, point[0]);
                    insert.setString(5, stop.label);
                    insert.setBoolean(6, stop.pickup);
                    insert.setBoolean(7, stop.dropoff);
                    insert.executeUpdate();
                }
            }
            return id;
        }
    }

    static void sql(String statement, Object... parameters) throws SQLException {
        try (Connection db = TestSchemas.connect("public"); PreparedStatement update = db.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    private static UUID insertReturningId(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    record Stop(double northKm, double eastKm, String label, boolean pickup, boolean dropoff) {
    }

    /** A trip from the area's origin place to 150 km east of it, tomorrow at 08:00 UTC, unless told otherwise. */
    static final class TripSpec {
        UUID driver;
        UUID vehicle;
        double[] origin = {0, 0};
        double[] destination = {0, 150};
        String originText = "Départ";
        String destinationText = "Arrivée";
        Instant departure = tomorrowAt(8);
        BigDecimal price = BigDecimal.valueOf(5000);
        int seatsAvailable = 3;
        String comfort = "standard";
        String status = "published";
        final List<Stop> stops = new ArrayList<>();

        TripSpec(UUID driver, UUID vehicle) {
            this.driver = driver;
            this.vehicle = vehicle;
        }

        TripSpec from(double northKm, double eastKm) {
            origin = new double[] {northKm, eastKm};
            return this;
        }

        TripSpec to(double northKm, double eastKm) {
            destination = new double[] {northKm, eastKm};
            return this;
        }

        TripSpec leaving(Instant when) {
            departure = when;
            return this;
        }

        TripSpec price(int xof) {
            price = BigDecimal.valueOf(xof);
            return this;
        }

        TripSpec seats(int free) {
            seatsAvailable = free;
            return this;
        }

        TripSpec comfort(String level) {
            comfort = level;
            return this;
        }

        TripSpec status(String value) {
            status = value;
            return this;
        }

        TripSpec stop(double northKm, double eastKm, String label, boolean pickup, boolean dropoff) {
            stops.add(new Stop(northKm, eastKm, label, pickup, dropoff));
            return this;
        }
    }

    static Instant tomorrowAt(int hour) {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    static String tomorrow() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    }
}
