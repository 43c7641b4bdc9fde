package com.allocar.vehicles;

import com.allocar.platform.api.Page;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Vehicle queries. Writes flush at once, so that constraint violations surface inside the service's use case. */
@ApplicationScoped
public class VehicleRepository {
    /** API field names → entity attributes, for sorting and filtering. */
    private static final Map<String, String> ATTRIBUTES = Map.of("created_at", "createdAt",
            "plate_number", "plateNumber", "comfort_level", "comfortLevel");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** One count and one select (vehicles have no associations to load). */
    public Page<Vehicle> page(ListQuery query, JpaLists.Scope<Vehicle> scope) {
        return JpaLists.page(em, Vehicle.class, query, ATTRIBUTES, scope);
    }

    /** Whether another vehicle than {@code except} (null: any) has this normalised plate. */
    public boolean plateTaken(String plateNumber, UUID except) {
        return em.createQuery("SELECT v.id FROM Vehicle v WHERE v.plateNumber = :plate", UUID.class)
                .setParameter("plate", plateNumber)
                .getResultStream()
                .anyMatch(id -> !id.equals(except));
    }

    /** Up to {@code max} of the user's vehicles, oldest first. */
    public List<Vehicle> ownedBy(UUID userId, int max) {
        return em.createQuery("SELECT v FROM Vehicle v WHERE v.userId = :user ORDER BY v.createdAt, v.id", Vehicle.class)
                .setParameter("user", userId).setMaxResults(max).getResultList();
    }

    /** Whether any trip, in whatever state, names this vehicle (trips.vehicle_id is ON DELETE RESTRICT). */
    public boolean usedByTrips(UUID vehicleId) {
        return !em.createNativeQuery("SELECT 1 FROM trips WHERE vehicle_id = ?1 LIMIT 1")
                .setParameter(1, vehicleId)
                .getResultList().isEmpty();
    }

    public void add(Vehicle vehicle) {
        em.persist(vehicle);
        em.flush();
    }

    public void remove(Vehicle vehicle) {
        em.remove(vehicle);
        em.flush();
    }

    /** Writes pending changes now (a plate taken meanwhile fails here, not at commit). */
    public void flush() {
        em.flush();
    }
}
