package com.allocar.vehicles;

import com.allocar.identity.User;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.security.Ownership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A driver's own vehicles (VEH-1). Only the owner sees or changes a vehicle ({@link Ownership}: someone else's
 * is 404). Plates are unique in their normal form; the first vehicle makes its owner a driver. Every change is
 * audited in its own transaction.
 */
@ApplicationScoped
public class VehicleService {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("comfort_level", FilterType.of(ComfortLevel.class))
            .sortable("created_at", "make", "plate_number")
            .defaultSort("created_at", true)
            .build();
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    VehicleRepository vehicles;
    @Inject
    Ownership ownership;
    @Inject
    AuditService audit;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VehicleView> list(ListQuery query) {
        return vehicles.page(query, ownership.mineOnly("userId")).map(VehicleView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VehicleView get(UUID id) {
        return VehicleView.of(ownership.mine(Vehicle.class, id));
    }

    /** One of the user's vehicles, for another domain's use case (a trip's vehicle); empty for anyone else's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Vehicle> ownedBy(UUID userId, UUID vehicleId) {
        return Optional.ofNullable(em.find(Vehicle.class, vehicleId)).filter(v -> v.getUserId().equals(userId));
    }

    /** Up to {@code max} of the user's vehicles, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Vehicle> ownedBy(UUID userId, int max) {
        return vehicles.ownedBy(userId, max);
    }

    /** Registers a vehicle; the owner's first one makes them a driver (users.is_driver, same transaction). */
    @Transactional
    public VehicleView create(UUID userId, CreateVehicleRequest request) {
        String plate = PlateNumbers.normalize(request.plateNumber());
        Integer year = VehicleRules.year(request.year(), clock);
        if (vehicles.plateTaken(plate, null)) {
            throw plateTaken();
        }
        // The owner's row first: creations by one user queue here, so the first one alone makes them a driver.
        User owner = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (owner == null) {
            throw new NotFoundException("No such user.");
        }
        Vehicle vehicle = new Vehicle(userId, request.make().trim(), request.model().trim(), plate,
                request.seatsTotal(), VehicleRules.comfort(request.comfortLevel(), ComfortLevel.standard));
        vehicle.setColor(VehicleRules.color(request.color()));
        vehicle.setYear(year);
        try {
            vehicles.add(vehicle);
        } catch (PersistenceException e) {
            throw translated(e, UNIQUE_VIOLATION, plateTaken());
        }
        if (!owner.isDriver()) {
            owner.setDriver(true);
            audit.record(ActorType.user, userId, "user.become_driver", "users", userId, Map.of("vehicle_id", vehicle.getId()));
        }
        audit.record(ActorType.user, userId, "vehicle.create", "vehicles", vehicle.getId(), Map.of("plate_number", plate));
        return VehicleView.of(vehicle);
    }

    /** Changes the fields present; a new plate is checked for uniqueness again. */
    @Transactional
    public VehicleView update(UUID userId, UUID id, UpdateVehicleRequest change) {
        Integer year = VehicleRules.year(change.year(), clock);
        String plate = change.plateNumber() == null ? null : PlateNumbers.normalize(change.plateNumber());
        Vehicle vehicle = ownership.mineForUpdate(Vehicle.class, id);
        if (plate != null && !plate.equals(vehicle.getPlateNumber()) && vehicles.plateTaken(plate, vehicle.getId())) {
            throw plateTaken();
        }
        List<String> changed = new ArrayList<>();
        boolean wasVerified = vehicle.isVerified();
        String make = change.make() == null ? vehicle.getMake() : change.make().trim();
        String model = change.model() == null ? vehicle.getModel() : change.model().trim();
        plate = plate == null ? vehicle.getPlateNumber() : plate;
        addIf(changed, "make", !make.equals(vehicle.getMake()));
        addIf(changed, "model", !model.equals(vehicle.getModel()));
        addIf(changed, PlateNumbers.FIELD, !plate.equals(vehicle.getPlateNumber()));
        vehicle.changeRegistration(make, model, plate);
        if (change.color() != null && !Objects.equals(VehicleRules.color(change.color()), vehicle.getColor())) {
            vehicle.setColor(VehicleRules.color(change.color()));
            changed.add("color");
        }
        if (change.seatsTotal() != null && change.seatsTotal() != vehicle.getSeatsTotal()) {
            vehicle.setSeatsTotal(change.seatsTotal());
            changed.add("seats_total");
        }
        ComfortLevel comfort = VehicleRules.comfort(change.comfortLevel(), vehicle.getComfortLevel());
        if (comfort != vehicle.getComfortLevel()) {
            vehicle.setComfortLevel(comfort);
            changed.add("comfort_level");
        }
        if (year != null && !year.equals(vehicle.getYear())) {
            vehicle.setYear(year);
            changed.add("year");
        }
        try {
            vehicles.flush();
        } catch (PersistenceException e) {
            throw translated(e, UNIQUE_VIOLATION, plateTaken());
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("changed", changed);
        if (wasVerified && !vehicle.isVerified()) {
            meta.put("verification_reset", true);
        }
        audit.record(ActorType.user, userId, "vehicle.update", "vehicles", vehicle.getId(), meta);
        return VehicleView.of(vehicle);
    }

    /** Deletes a vehicle no trip refers to (a vehicle with trips keeps their history: 409). */
    @Transactional
    public void delete(UUID userId, UUID id) {
        Vehicle vehicle = ownership.mineForUpdate(Vehicle.class, id);
        if (vehicles.usedByTrips(vehicle.getId())) {
            throw inUse();
        }
        String plate = vehicle.getPlateNumber();
        try {
            vehicles.remove(vehicle);
        } catch (PersistenceException e) {
            throw translated(e, FOREIGN_KEY_VIOLATION, inUse());
        }
        audit.record(ActorType.user, userId, "vehicle.delete", "vehicles", id, Map.of("plate_number", plate));
    }

    private static ConflictException plateTaken() {
        return new ConflictException("A vehicle with this plate number is already registered.",
                Map.of("field", PlateNumbers.FIELD));
    }

    private static ConflictException inUse() {
        return new ConflictException("This vehicle is used by trips and cannot be deleted.",
                Map.of("reason", "vehicle_has_trips"));
    }

    private static void addIf(List<String> changed, String field, boolean condition) {
        if (condition) {
            changed.add(field);
        }
    }

    /**
     * The database's answer to a race the check before it lost (a plate taken, a trip added meanwhile): the same
     * 409 as the check; any other failure as it is.
     */
    private static RuntimeException translated(PersistenceException failure, String sqlState, ConflictException conflict) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return conflict;
            }
        }
        return failure;
    }
}
