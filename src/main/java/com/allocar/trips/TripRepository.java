package com.allocar.trips;

import com.allocar.bookings.Booking;
import com.allocar.bookings.BookingStatus;
import com.allocar.platform.api.Page;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Trip queries and the conditional seat updates. */
@ApplicationScoped
public class TripRepository {
    /** API field names → entity attributes, for sorting and filtering. */
    private static final Map<String, String> ATTRIBUTES = Map.of("departure_time", "departureTime",
            "created_at", "createdAt");
    /** Booking states in which the passenger has paid: the trip's price, time and points are then fixed (TRIP-2). */
    static final List<BookingStatus> PAID = List.of(BookingStatus.paid, BookingStatus.completed);

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** The trip with its driver, vehicle and stops, in one query. */
    public Optional<Trip> findWithDetails(UUID id) {
        return em.createQuery("SELECT DISTINCT t FROM Trip t JOIN FETCH t.driver LEFT JOIN FETCH t.vehicle "
                        + "LEFT JOIN FETCH t.stops WHERE t.id = :id", Trip.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** A count, a select, and one query loading the drivers, vehicles and stops of the page (no N+1). */
    public Page<Trip> page(ListQuery query, JpaLists.Scope<Trip> scope) {
        Page<Trip> page = JpaLists.page(em, Trip.class, query, ATTRIBUTES, scope);
        if (!page.items().isEmpty()) {
            em.createQuery("SELECT DISTINCT t FROM Trip t JOIN FETCH t.driver LEFT JOIN FETCH t.vehicle "
                    + "LEFT JOIN FETCH t.stops WHERE t IN :trips", Trip.class)
                    .setParameter("trips", page.items()).getResultList();
        }
        return page;
    }

    /** Whether a passenger has paid for a seat on the trip (bookings paid or completed). */
    public boolean hasPaidBooking(UUID tripId) {
        return !em.createQuery("SELECT b.id FROM Booking b WHERE b.trip.id = :trip AND b.status IN :paid", UUID.class)
                .setParameter("trip", tripId).setParameter("paid", PAID).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether any booking, in whatever state, refers to the trip (bookings.trip_id is ON DELETE RESTRICT). */
    public boolean hasBookings(UUID tripId) {
        return !em.createQuery("SELECT b.id FROM Booking b WHERE b.trip.id = :trip", UUID.class)
                .setParameter("trip", tripId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Sets the seats offered, keeping the seats taken: available becomes offered − taken. Done in SQL, only when
     * at least as many seats as are taken remain and the offer fits {@code max}; returns whether it was done.
     */
    public boolean offerSeats(UUID tripId, int offered, int max) {
        return em.createNativeQuery("UPDATE trips SET seats_available = seats_available + (?1 - seats_offered), "
                        + "seats_offered = ?1, version = version + 1 "
                        + "WHERE id = ?2 AND seats_offered - seats_available <= ?1 AND ?1 BETWEEN 1 AND ?3")
                .setParameter(1, offered).setParameter(2, tripId).setParameter(3, max).executeUpdate() == 1;
    }

    /** Sets the seats still free, the offer becoming taken + {@code available}; in SQL, within 1..{@code max}. */
    public boolean freeSeats(UUID tripId, int available, int max) {
        return em.createNativeQuery("UPDATE trips SET seats_offered = seats_offered - seats_available + ?1, "
                        + "seats_available = ?1, version = version + 1 "
                        + "WHERE id = ?2 AND seats_offered - seats_available + ?1 BETWEEN 1 AND ?3")
                .setParameter(1, available).setParameter(2, tripId).setParameter(3, max).executeUpdate() == 1;
    }

    /** Seats taken (offered − available) as the database has them now. */
    public int seatsTaken(UUID tripId) {
        return ((Number) em.createNativeQuery("SELECT seats_offered - seats_available FROM trips WHERE id = ?1")
                .setParameter(1, tripId).getSingleResult()).intValue();
    }

    /** Re-reads the trip after a change made in SQL. */
    public void refresh(Trip trip) {
        em.refresh(trip);
    }

    public void add(Trip trip) {
        em.persist(trip);
        em.flush();
    }

    public void remove(Trip trip) {
        em.remove(trip);
        em.flush();
    }

    public void flush() {
        em.flush();
    }
}
