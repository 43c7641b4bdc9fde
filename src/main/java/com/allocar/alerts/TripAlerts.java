package com.allocar.alerts;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A user's trip alerts: create (within the per-user limit), list, delete. */
@ApplicationScoped
@Transactional
public class TripAlerts {
    static final int DEFAULT_RADIUS_KM = 25;
    static final int MAX_DAYS = 90;

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    public AlertView create(UUID userId, AlertRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (request.dateTo().isBefore(request.dateFrom())) {
            throw ValidationException.field("date_to", "must be on or after date_from");
        }
        if (request.dateTo().isBefore(today)) {
            throw ValidationException.field("date_to", "must be today or later");
        }
        if (ChronoUnit.DAYS.between(request.dateFrom(), request.dateTo()) > MAX_DAYS) {
            throw ValidationException.field("date_to", "at most " + MAX_DAYS + " days after date_from");
        }
        // one user's alerts are counted and added one at a time, so the limit holds under concurrent requests
        em.createNativeQuery("SELECT count(*) FROM pg_advisory_xact_lock(hashtext('alerts:' || ?1))")
                .setParameter(1, userId.toString()).getSingleResult();
        long running = ((Number) em.createNativeQuery("SELECT count(*) FROM trip_alerts WHERE user_id = ?1 "
                + "AND date_to >= ?2").setParameter(1, userId).setParameter(2, Date.valueOf(today)).getSingleResult())
                .longValue();
        int limit = settings.alertsPerUser();
        if (running >= limit) {
            throw new ConflictException("You already have the most trip alerts allowed; delete one first.",
                    Map.of("reason", "alert_limit", "limit", limit));
        }
        UUID id = UUID.randomUUID();
        int radius = request.radiusKm() == null ? DEFAULT_RADIUS_KM : request.radiusKm();
        int seats = request.seats() == null ? 1 : request.seats();
        em.createNativeQuery("INSERT INTO trip_alerts (id, user_id, from_point, from_label, to_point, to_label, "
                        + "radius_km, date_from, date_to, seats) VALUES (?1, ?2, "
                        + "ST_SetSRID(ST_MakePoint(?3, ?4), 4326)::geography, ?5, "
                        + "ST_SetSRID(ST_MakePoint(?6, ?7), 4326)::geography, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, id).setParameter(2, userId)
                .setParameter(3, request.from().lon()).setParameter(4, request.from().lat())
                .setParameter(5, label(request.from()))
                .setParameter(6, request.to().lon()).setParameter(7, request.to().lat())
                .setParameter(8, label(request.to()))
                .setParameter(9, radius).setParameter(10, Date.valueOf(request.dateFrom()))
                .setParameter(11, Date.valueOf(request.dateTo())).setParameter(12, seats).executeUpdate();
        return list(userId).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertView> list(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, ST_Y(from_point::geometry), ST_X(from_point::geometry), "
                        + "from_label, ST_Y(to_point::geometry), ST_X(to_point::geometry), to_label, radius_km, date_from, "
                        + "date_to, seats, created_at FROM trip_alerts WHERE user_id = ?1 ORDER BY created_at DESC, id")
                .setParameter(1, userId).getResultList();
        List<AlertView> alerts = new ArrayList<>();
        for (Object[] row : rows) {
            alerts.add(new AlertView((UUID) row[0],
                    new AlertRequest.Place(((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue(), (String) row[3]),
                    new AlertRequest.Place(((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue(), (String) row[6]),
                    ((Number) row[7]).intValue(), date(row[8]), date(row[9]), ((Number) row[10]).intValue(),
                    SqlValues.instant(row[11])));
        }
        return alerts;
    }

    /** Deletes one of the user's alerts; someone else's is not found. */
    public void delete(UUID userId, UUID id) {
        int deleted = em.createNativeQuery("DELETE FROM trip_alerts WHERE id = ?1 AND user_id = ?2")
                .setParameter(1, id).setParameter(2, userId).executeUpdate();
        if (deleted == 0) {
            throw new NotFoundException("No such alert.");
        }
    }

    private static String label(AlertRequest.Place place) {
        return place.label() == null || place.label().isBlank() ? null : place.label().strip();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
