package com.allocar.trips;

import com.allocar.identity.KycStatus;
import com.allocar.platform.persistence.NamedSql;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The queries of the trip search: the matching itself ({@code trip-search.sql}, JDBC so that it stays one
 * server-side prepared statement per order), then the page's trips with their driver, vehicle and stops in
 * one query, and which of those drivers are verified in another. Never one query per result.
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

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** A trip that matched, through which pickup and drop-off, and how far the passenger walks to each. */
    record Match(UUID tripId, int pickupOrder, int dropoffOrder, int pickupWalkM, int dropoffWalkM) {
    }

    record Matches(List<Match> page, long total) {
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
            List<Match> page = new ArrayList<>();
            long total = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(new Match(rows.getObject(1, UUID.class), rows.getInt(2), rows.getInt(3), rows.getInt(4),
                            rows.getInt(5)));
                    total = rows.getLong(6);
                }
            }
            return new Matches(page, total);
        } catch (SQLException e) {
            throw new IllegalStateException("trip search failed", e);
        }
    }

    /** The trips of a page with driver, vehicle and stops (one query). */
    List<Trip> tripsWithDetails(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select distinct t from Trip t join fetch t.driver left join fetch t.vehicle "
                + "left join fetch t.stops where t.id in :ids", Trip.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** Which of these users have an approved identity document. */
    Set<UUID> verifiedUsers(List<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select distinct k.user.id from KycDocument k "
                + "where k.user.id in :ids and k.status = :approved", UUID.class)
                .setParameter("ids", userIds)
                .setParameter("approved", KycStatus.approved)
                .getResultList());
    }

    List<Leg> legsOf(UUID tripId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(LEGS_OF_TRIP)) {
            query.setObject(1, tripId);
            List<Leg> legs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    legs.add(new Leg(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                            rows.getObject(5, java.time.OffsetDateTime.class).toInstant()));
                }
            }
            return legs;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the search legs of trip " + tripId + " failed", e);
        }
    }
}
