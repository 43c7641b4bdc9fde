package com.allocar.trips;

import com.allocar.platform.persistence.NamedSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The queries of the trip search. {@code trip-search.sql} matches and pages, then joins the page's rows to their
 * trip, driver, vehicle and matched stops: one round trip, one server-side prepared statement per order (JDBC,
 * no entity is loaded). Never one query per result.
 */
@ApplicationScoped
class TripSearchRepository {
    private static final String SEARCH_TEXT = NamedSql.resourceText(TripSearchRepository.class, "trip-search.sql");
    private static final String LEGS_OF_TRIP = """
            SELECT ST_Y(pickup_point::geometry), ST_X(pickup_point::geometry),
                   ST_Y(dropoff_point::geometry), ST_X(dropoff_point::geometry), departure_time
            FROM trip_search_legs WHERE trip_id = ?""";

    /** One statement per ORDER BY list; there are only a handful. */
    private final Map<String, NamedSql> statements = new ConcurrentHashMap<>();

    @Resource(lookup = "jdbc/allocar")
    DataSource dataSource;

    record Matches(List<TripSearchHit> page, long total) {
    }

    /** A leg of a published trip, as the search cache needs it to tell which cached searches it matches. */
    record Leg(double pickupLat, double pickupLon, double dropoffLat, double dropoffLon, Instant departureTime) {
    }

    Matches find(TripSearchCriteria criteria) {
        NamedSql statement = statements.computeIfAbsent(TripSearchSort.orderBy(criteria.sort()),
                order -> NamedSql.parse(SEARCH_TEXT.replace("{order}", order)));
        Map<String, Object> parameters = criteria.sqlParameters();
        Matches matches = run(statement, parameters);
        if (matches.page().isEmpty() && criteria.offset() > 0) {
            // Past the last page: the total still has to be told.
            parameters.put("limit", 1);
            parameters.put("offset", 0);
            return new Matches(List.of(), run(statement, parameters).total());
        }
        return matches;
    }

    private Matches run(NamedSql statement, Map<String, Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(statement.sql())) {
            statement.bind(query, parameters);
            List<TripSearchHit> page = new ArrayList<>();
            long total = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(hit(rows));
                    total = rows.getLong("total");
                }
            }
            return new Matches(page, total);
        } catch (SQLException e) {
            throw new IllegalStateException("trip search failed", e);
        }
    }

    /** Point orders as trip_search_legs numbers them: 0 the origin, 32767 the destination, else a stop. */
    private static TripSearchHit hit(ResultSet row) throws SQLException {
        TripSearchHit.Place origin = new TripSearchHit.Place(row.getDouble("origin_lat"), row.getDouble("origin_lon"),
                row.getString("origin_text"));
        TripSearchHit.Place destination = new TripSearchHit.Place(row.getDouble("destination_lat"),
                row.getDouble("destination_lon"), row.getString("destination_text"));
        int pickupOrder = row.getInt("pickup_order");
        int dropoffOrder = row.getInt("dropoff_order");
        TripSearchHit.MatchedPoint pickup = pickupOrder == 0
                ? matched("origin", null, origin, row.getInt("pickup_m"))
                : matched("stop", pickupOrder, new TripSearchHit.Place(row.getDouble("pickup_lat"),
                        row.getDouble("pickup_lon"), row.getString("pickup_text")), row.getInt("pickup_m"));
        TripSearchHit.MatchedPoint dropoff = dropoffOrder == 32767
                ? matched("destination", null, destination, row.getInt("dropoff_m"))
                : matched("stop", dropoffOrder, new TripSearchHit.Place(row.getDouble("dropoff_lat"),
                        row.getDouble("dropoff_lon"), row.getString("dropoff_text")), row.getInt("dropoff_m"));
        UUID vehicleId = row.getObject("vehicle_id", UUID.class);
        return new TripSearchHit(row.getObject("trip_id", UUID.class), origin, destination,
                instant(row, "departure_time"), instant(row, "arrival_eta"),
                (Integer) row.getObject("distance_m"), (Integer) row.getObject("duration_s"),
                row.getBigDecimal("price_per_seat").setScale(0, RoundingMode.HALF_UP), row.getString("currency"),
                row.getInt("seats_available"), row.getInt("seats_offered"), row.getString("comfort"),
                row.getBoolean("allow_auto_accept"), row.getString("luggage_policy"), row.getString("rules"),
                new TripSearchHit.Driver(row.getObject("driver_id", UUID.class), row.getString("first_name"),
                        row.getString("photo_url"), row.getBigDecimal("rating_avg"), row.getInt("rating_count"),
                        row.getBoolean("driver_verified")),
                vehicleId == null ? null : new TripSearchHit.Vehicle(vehicleId, row.getString("make"),
                        row.getString("model"), row.getString("color"), row.getString("comfort_level"),
                        row.getInt("seats_total")),
                pickup, dropoff);
    }

    private static TripSearchHit.MatchedPoint matched(String kind, Integer order, TripSearchHit.Place place, int walkM) {
        return new TripSearchHit.MatchedPoint(kind, order, place.lat(), place.lon(), place.text(), walkM);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    List<Leg> legsOf(UUID tripId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(LEGS_OF_TRIP)) {
            query.setObject(1, tripId);
            List<Leg> legs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    legs.add(new Leg(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                            instant(rows, "departure_time")));
                }
            }
            return legs;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the search legs of trip " + tripId + " failed", e);
        }
    }
}
