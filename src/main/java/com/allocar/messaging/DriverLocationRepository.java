package com.allocar.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/** The last position of each trip's driver (one row per trip, migration 039). */
@ApplicationScoped
public class DriverLocationRepository {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    public Optional<DriverLocation> find(UUID tripId) {
        return em.createQuery("SELECT l FROM DriverLocation l WHERE l.tripId = :trip", DriverLocation.class)
                .setParameter("trip", tripId).getResultStream().findFirst();
    }

    /**
     * Makes {@code fix} the trip's position, received {@code now} (the server's clock), unless another one was
     * accepted for this trip, or for another trip of the same driver, less than {@code minIntervalMillis} ago, or the
     * trip's position was taken after it. One statement: whichever instance the driver's socket is on, two fixes at
     * the same moment cannot both be accepted. False when the fix was not kept.
     */
    public boolean replace(UUID tripId, UUID driverId, LocationFix fix, Instant now, long minIntervalMillis) {
        return em.createNativeQuery("""
                        INSERT INTO driver_locations (trip_id, driver_id, point, heading, speed, recorded_at,
                                                      received_at)
                        SELECT ?1, ?2, CAST(ST_SetSRID(ST_MakePoint(?3, ?4), 4326) AS geography),
                               CAST(?5 AS double precision), CAST(?6 AS double precision),
                               CAST(?7 AS timestamptz), CAST(?9 AS timestamptz)
                         WHERE NOT EXISTS (
                               SELECT 1 FROM driver_locations o WHERE o.driver_id = ?2 AND o.trip_id <> ?1
                                  AND o.received_at > CAST(?9 AS timestamptz)
                                                      - CAST(?8 AS double precision) * interval '1 ms')
                        ON CONFLICT (trip_id) DO UPDATE
                           SET driver_id = EXCLUDED.driver_id, point = EXCLUDED.point, heading = EXCLUDED.heading,
                               speed = EXCLUDED.speed, recorded_at = EXCLUDED.recorded_at,
                               received_at = EXCLUDED.received_at
                         WHERE driver_locations.recorded_at < EXCLUDED.recorded_at
                           AND driver_locations.received_at <= CAST(?9 AS timestamptz)
                                                               - CAST(?8 AS double precision) * interval '1 ms'
                        """)
                .setParameter(1, tripId).setParameter(2, driverId)
                .setParameter(3, fix.point().lon()).setParameter(4, fix.point().lat())
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.DOUBLE, fix.heading()))
                .setParameter(6, new TypedParameterValue<>(StandardBasicTypes.DOUBLE, fix.speed()))
                .setParameter(7, fix.at()).setParameter(8, minIntervalMillis).setParameter(9, now)
                .executeUpdate() == 1;
    }

    /** When a position was taken, as microseconds since the epoch (a location room's cursor). */
    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }
}
