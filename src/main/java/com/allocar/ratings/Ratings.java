package com.allocar.ratings;

import com.allocar.platform.api.Page;
import com.allocar.platform.api.Pagination;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * RATE-1 (docs/ratings.md): a party of a completed booking rates the other party once, within the rating window;
 * ratings stay blind until both directions are rated or the window closes; profiles show the visible ones.
 * Bookings and trips are read in SQL (their facts only: parties, status, completion), never changed.
 */
@ApplicationScoped
public class Ratings {
    static final int MAX_COMMENT = 1000;
    /** Control characters other than tab and line breaks. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    public static final ListSpec PUBLIC_LIST = ListSpec.builder()
            .filter("role", FilterType.of(RatingRole.class))
            .build();
    public static final ListSpec PENDING_LIST = ListSpec.builder().build();

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    RatingReveals reveals;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;

    Clock clock = Clock.systemUTC();

    /** The facts of a booking that rating needs. */
    private record Ride(UUID passengerId, UUID driverId, String status, Instant completedAt) {
    }

    @Transactional
    public RatingView rate(UUID userId, RateRequest request) {
        Ride ride = ride(request.bookingId())
                .filter(r -> r.passengerId().equals(userId) || r.driverId().equals(userId))
                .orElseThrow(() -> new NotFoundException("No such booking."));
        if (!"completed".equals(ride.status())) {
            throw new ConflictException("Only a completed ride can be rated.",
                    Map.of("reason", "booking_not_completed", "status", ride.status()));
        }
        UUID other = ride.passengerId().equals(userId) ? ride.driverId() : ride.passengerId();
        if (!other.equals(request.toUserId())) {
            throw ValidationException.field("to_user_id", "must be the other party of this booking");
        }
        RatingRole role = other.equals(ride.driverId()) ? RatingRole.as_driver : RatingRole.as_passenger;
        List<String> tags = RatingTags.check(role, request.tags());
        String comment = comment(request.comment());
        Instant closes = ride.completedAt().plus(settings.ratingWindow());
        if (clock.instant().isAfter(closes)) {
            throw new ConflictException("The rating window of this ride has closed.",
                    Map.of("reason", "rating_window_closed", "closed_at", closes.toString()));
        }
        reveals.lockBooking(request.bookingId());
        long mine = count("SELECT count(*) FROM ratings WHERE booking_id = ?1 AND from_user_id = ?2",
                request.bookingId(), userId);
        if (mine > 0) {
            throw new ConflictException("You already rated this ride.", Map.of("reason", "already_rated"));
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO ratings (id, booking_id, from_user_id, to_user_id, role, stars, comment, tags) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULLIF(?7, ''), string_to_array(?8, ','))")
                .setParameter(1, id).setParameter(2, request.bookingId()).setParameter(3, userId)
                .setParameter(4, other).setParameter(5, role.name()).setParameter(6, request.stars())
                .setParameter(7, comment == null ? "" : comment).setParameter(8, String.join(",", tags))
                .executeUpdate();
        long theirs = count("SELECT count(*) FROM ratings WHERE booking_id = ?1 AND from_user_id = ?2",
                request.bookingId(), other);
        if (theirs > 0) {
            reveals.revealLocked(request.bookingId());
        }
        audit.record(ActorType.user, userId, "rating.created", "ratings", id,
                Map.of("booking_id", request.bookingId().toString(), "stars", request.stars(),
                        "revealed", theirs > 0));
        return mine(id, closes);
    }

    /** A page of a user's visible ratings, newest first, and their summary. */
    public record Profile(RatingSummary summary, Page<PublicRatingView> page) {
    }

    /** The visible ratings of a user (of one role with {@code role=}), newest first, with their summary; 404 for no such user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Profile visible(UUID userId, ListQuery query) {
        String role = query.filters().stream().filter(c -> c.field().equals("role")).findFirst()
                .map(c -> ((RatingRole) c.value()).name()).orElse(null);
        RatingSummary summary = summary(userId, role);
        String where = "r.to_user_id = ?1 AND r.revealed_at IS NOT NULL" + (role == null ? "" : " AND r.role = ?2");
        var select = em.createNativeQuery("SELECT r.id, r.stars, r.comment, r.comment_hidden, "
                + "array_to_string(r.tags, ','), r.role, u.id AS author_id, u.first_name, u.photo_url, r.created_at "
                + "FROM ratings r JOIN users u ON u.id = r.from_user_id WHERE " + where
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT " + query.pageSize() + " OFFSET " + query.offset());
        select.setParameter(1, userId);
        if (role != null) {
            select.setParameter(2, role);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<PublicRatingView> items = new ArrayList<>();
        for (Object[] row : rows) {
            boolean hidden = (Boolean) row[3];
            items.add(new PublicRatingView((UUID) row[0], ((Number) row[1]).intValue(), hidden ? null : (String) row[2],
                    hidden, RatingTags.split((String) row[4]), RatingRole.valueOf((String) row[5]),
                    new PublicRatingView.Author((UUID) row[6], (String) row[7], (String) row[8]),
                    SqlValues.instant(row[9])));
        }
        return new Profile(summary, new Page<>(items, Pagination.of(query.page(), query.pageSize(), summary.count())));
    }

    /** Average, count and count per star of the user's visible ratings (of one role, when given), in SQL. */
    private RatingSummary summary(UUID userId, String role) {
        if (count("SELECT count(*) FROM users WHERE id = ?1", userId) == 0) {
            throw new NotFoundException("No such user.");
        }
        var query = em.createNativeQuery("SELECT coalesce(round(avg(stars), 2), 0), count(*), "
                + "count(*) FILTER (WHERE stars = 1), count(*) FILTER (WHERE stars = 2), count(*) FILTER (WHERE stars = 3), "
                + "count(*) FILTER (WHERE stars = 4), count(*) FILTER (WHERE stars = 5) FROM ratings "
                + "WHERE to_user_id = ?1 AND revealed_at IS NOT NULL" + (role == null ? "" : " AND role = ?2"));
        query.setParameter(1, userId);
        if (role != null) {
            query.setParameter(2, role);
        }
        Object[] row = (Object[]) query.getSingleResult();
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            distribution.put(String.valueOf(stars), ((Number) row[stars + 1]).longValue());
        }
        return new RatingSummary(((BigDecimal) row[0]).setScale(2), ((Number) row[1]).longValue(), distribution);
    }

    /**
     * The caller's completed rides still open to their rating (within the window, not rated by them yet), as
     * passenger and as driver, the soonest to close first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PendingRatingView> pending(UUID userId, ListQuery query) {
        Instant completedAfter = clock.instant().minus(settings.ratingWindow());
        String rides = "SELECT b.id AS booking_id, b.trip_id, b.completed_at, t.driver_id AS to_user_id, "
                + "'as_driver' AS role FROM bookings b JOIN trips t ON t.id = b.trip_id "
                + "WHERE b.passenger_id = ?1 AND b.status = 'completed' AND b.completed_at > ?2 "
                + "UNION ALL SELECT b.id, b.trip_id, b.completed_at, b.passenger_id, 'as_passenger' FROM trips t "
                + "JOIN bookings b ON b.trip_id = t.id AND b.status = 'completed' AND b.completed_at > ?2 "
                + "WHERE t.driver_id = ?1";
        String open = "FROM (" + rides + ") p JOIN users u ON u.id = p.to_user_id WHERE NOT EXISTS (SELECT 1 "
                + "FROM ratings r WHERE r.booking_id = p.booking_id AND r.from_user_id = ?1)";
        long total = ((Number) em.createNativeQuery("SELECT count(*) " + open).setParameter(1, userId)
                .setParameter(2, completedAfter).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.booking_id, p.trip_id, p.completed_at, p.to_user_id, "
                        + "p.role, u.first_name, u.photo_url " + open + " ORDER BY p.completed_at, p.booking_id "
                        + "LIMIT " + query.pageSize() + " OFFSET " + query.offset())
                .setParameter(1, userId).setParameter(2, completedAfter).getResultList();
        List<PendingRatingView> items = new ArrayList<>();
        for (Object[] row : rows) {
            Instant completedAt = SqlValues.instant(row[2]);
            items.add(new PendingRatingView((UUID) row[0], (UUID) row[1],
                    new PublicRatingView.Author((UUID) row[3], (String) row[5], (String) row[6]),
                    RatingRole.valueOf((String) row[4]), completedAt, completedAt.plus(settings.ratingWindow())));
        }
        return new Page<>(items, Pagination.of(query.page(), query.pageSize(), total));
    }

    private RatingView mine(UUID id, Instant revealAt) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT id, booking_id, to_user_id, role, stars, comment, "
                + "array_to_string(tags, ','), revealed_at, created_at FROM ratings WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        Instant revealedAt = row[7] == null ? null : SqlValues.instant(row[7]);
        return new RatingView((UUID) row[0], (UUID) row[1], (UUID) row[2], RatingRole.valueOf((String) row[3]),
                ((Number) row[4]).intValue(), (String) row[5], RatingTags.split((String) row[6]),
                revealedAt == null ? "blind" : "visible", revealedAt == null ? revealAt : null, revealedAt,
                SqlValues.instant(row[8]));
    }

    private java.util.Optional<Ride> ride(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT b.passenger_id, t.driver_id, b.status, b.completed_at "
                + "FROM bookings b JOIN trips t ON t.id = b.trip_id WHERE b.id = ?1").setParameter(1, bookingId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Ride((UUID) row[0], (UUID) row[1], (String) row[2],
                row[3] == null ? null : SqlValues.instant(row[3])));
    }

    private long count(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The comment stripped, null when blank; control characters other than line breaks are refused. */
    static String comment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (CONTROL.matcher(text).find()) {
            throw ValidationException.field("comment", "must not contain control characters");
        }
        return text.strip();
    }
}
