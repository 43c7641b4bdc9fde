package com.allocar.bookings;

import com.allocar.platform.api.Page;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.trips.TripStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Booking queries, the row locks of booking changes and the conditional seat updates. Lock order everywhere:
 * the trip's row first, then the booking's, so a payment, a driver's answer and a trip cancellation never
 * deadlock.
 */
@ApplicationScoped
public class BookingRepository {
    private static final Map<String, String> ATTRIBUTES = Map.of("created_at", "createdAt",
            "departure_time", "trip.departureTime", "trip_id", "trip.id", "status", "status");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** The booking with its trip, driver and passenger, without locks. */
    public Optional<Booking> find(UUID id) {
        return em.createQuery("SELECT b FROM Booking b JOIN FETCH b.trip t JOIN FETCH t.driver "
                        + "JOIN FETCH b.passenger WHERE b.id = :id", Booking.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** Locks the booking's trip row, then the booking's row (in that order), and returns the booking. */
    public Optional<Booking> lock(UUID id) {
        List<?> trip = em.createNativeQuery("SELECT trip_id FROM bookings WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (trip.isEmpty()) {
            return Optional.empty();
        }
        lockTrip((UUID) trip.get(0));
        return Optional.ofNullable(em.find(Booking.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Locks the booking's row alone (FOR NO KEY UPDATE), for a caller that takes no other lock after it (chat
     * messages); false when there is no such booking.
     */
    public boolean lockRow(UUID id) {
        return !em.createNativeQuery("SELECT id FROM bookings WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, id)
                .getResultList().isEmpty();
    }

    /** Locks a trip's row against concurrent booking changes (FOR NO KEY UPDATE: foreign keys still resolve). */
    public void lockTrip(UUID tripId) {
        em.createNativeQuery("SELECT id FROM trips WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, tripId)
                .getResultList();
    }

    /** Serialises one passenger's booking requests, so the unpaid-booking limit holds under concurrency. */
    public void lockPassenger(UUID passengerId) {
        em.createNativeQuery("SELECT id FROM users WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, passengerId)
                .getResultList();
    }

    /** Takes seats on a published trip when that many are free; false otherwise (nothing changed). */
    public boolean takeSeats(UUID tripId, int seats) {
        return em.createNativeQuery("UPDATE trips SET seats_available = seats_available - ?1, version = version + 1 "
                        + "WHERE id = ?2 AND status = 'published' AND seats_available >= ?1")
                .setParameter(1, seats).setParameter(2, tripId).executeUpdate() == 1;
    }

    /** Gives seats back (a paid booking cancelled), never above the seats offered. */
    public void releaseSeats(UUID tripId, int seats) {
        em.createNativeQuery("UPDATE trips SET seats_available = LEAST(seats_offered, seats_available + ?1), "
                        + "version = version + 1 WHERE id = ?2")
                .setParameter(1, seats).setParameter(2, tripId).executeUpdate();
    }

    /** The passenger's bookings still unpaid (pending or accepted) created since {@code since} (BOOK-6). */
    public long unpaidSince(UUID passengerId, Instant since) {
        return em.createQuery("SELECT count(b) FROM Booking b WHERE b.passenger.id = :passenger "
                        + "AND b.createdAt >= :since AND b.status IN :unpaid", Long.class)
                .setParameter("passenger", passengerId).setParameter("since", since)
                .setParameter("unpaid", List.of(BookingStatus.pending, BookingStatus.accepted)).getSingleResult();
    }

    /** The passenger's open booking (pending, accepted or paid) on the trip, if any. */
    public Optional<UUID> openBooking(UUID tripId, UUID passengerId) {
        return em.createQuery("SELECT b.id FROM Booking b WHERE b.trip.id = :trip AND b.passenger.id = :passenger "
                        + "AND b.status IN :open", UUID.class)
                .setParameter("trip", tripId).setParameter("passenger", passengerId)
                .setParameter("open", List.of(BookingStatus.pending, BookingStatus.accepted, BookingStatus.paid))
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** A trip's bookings in {@code statuses}, locked (the caller holds the trip's lock). */
    public List<Booking> lockAllOf(UUID tripId, List<BookingStatus> statuses) {
        return em.createQuery("SELECT b FROM Booking b JOIN FETCH b.passenger WHERE b.trip.id = :trip "
                        + "AND b.status IN :statuses ORDER BY b.createdAt, b.id", Booking.class)
                .setParameter("trip", tripId).setParameter("statuses", statuses)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** A trip's bookings in {@code statuses}, with their passengers, oldest first (no lock: for notices). */
    public List<Booking> allOf(UUID tripId, List<BookingStatus> statuses) {
        return em.createQuery("SELECT b FROM Booking b JOIN FETCH b.passenger WHERE b.trip.id = :trip "
                        + "AND b.status IN :statuses ORDER BY b.createdAt, b.id", Booking.class)
                .setParameter("trip", tripId).setParameter("statuses", statuses).getResultList();
    }

    /**
     * Published trips leaving after {@code from} and at the latest at {@code until} that have a paid booking: the
     * candidates for a departure reminder, soonest first.
     */
    public List<UUID> tripsWithPaidBookingsLeaving(Instant from, Instant until) {
        return em.createQuery("SELECT DISTINCT t.id, t.departureTime FROM Booking b JOIN b.trip t "
                        + "WHERE b.status = :paid AND t.status = :published AND t.departureTime > :from "
                        + "AND t.departureTime <= :until ORDER BY t.departureTime, t.id", Object[].class)
                .setParameter("paid", BookingStatus.paid)
                .setParameter("published", com.allocar.trips.TripStatus.published)
                .setParameter("from", from).setParameter("until", until)
                .getResultStream().map(row -> (UUID) row[0]).toList();
    }

    /** Whether the trip still has paid bookings whose ride is not completed. */
    public boolean hasOpenPaid(UUID tripId) {
        return !em.createQuery("SELECT b.id FROM Booking b WHERE b.trip.id = :trip AND b.status = :paid", UUID.class)
                .setParameter("trip", tripId).setParameter("paid", BookingStatus.paid).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * Bookings that lapsed by {@code now}: pending past their answer deadline, or accepted but unpaid when their
     * trip departs. Oldest first, at most {@code limit}.
     */
    public List<UUID> lapsed(Instant now, int limit) {
        return em.createQuery("SELECT b.id FROM Booking b WHERE (b.status = :pending AND b.expiresAt <= :now) "
                        + "OR (b.status = :accepted AND b.trip.departureTime <= :now) ORDER BY b.createdAt", UUID.class)
                .setParameter("pending", BookingStatus.pending).setParameter("accepted", BookingStatus.accepted)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** A page of bookings, with their trips, drivers and passengers loaded by one more query (no N+1). */
    public Page<Booking> page(ListQuery query, JpaLists.Scope<Booking> scope) {
        Page<Booking> page = JpaLists.page(em, Booking.class, query, ATTRIBUTES, scope);
        if (!page.items().isEmpty()) {
            em.createQuery("SELECT b FROM Booking b JOIN FETCH b.trip t JOIN FETCH t.driver JOIN FETCH b.passenger "
                    + "WHERE b IN :page", Booking.class).setParameter("page", page.items()).getResultList();
        }
        return page;
    }

    public void add(Booking booking) {
        em.persist(booking);
        em.flush();
    }

    public void flush() {
        em.flush();
    }

    /**
     * A trip's driver and status, and the passengers whose booking on it is accepted or paid (the live-location
     * audience); empty when there is no such trip.
     */
    public Optional<TripAudience> audience(UUID tripId) {
        List<Object[]> trip = em.createQuery("SELECT t.driver.id, t.status FROM Trip t WHERE t.id = :trip",
                        Object[].class)
                .setParameter("trip", tripId).getResultList();
        if (trip.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> passengers = em.createQuery("SELECT DISTINCT b.passenger.id FROM Booking b WHERE b.trip.id = :trip "
                        + "AND b.status IN :booked", UUID.class)
                .setParameter("trip", tripId)
                .setParameter("booked", List.of(BookingStatus.accepted, BookingStatus.paid)).getResultList();
        return Optional.of(new TripAudience(tripId, (UUID) trip.get(0)[0], (TripStatus) trip.get(0)[1],
                Set.copyOf(passengers)));
    }
}
