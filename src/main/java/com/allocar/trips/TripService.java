package com.allocar.trips;

import com.allocar.identity.KycService;
import com.allocar.identity.User;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.KycRequiredException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.security.Ownership;
import com.allocar.platform.settings.Settings;
import com.allocar.routing.RouteEstimate;
import com.allocar.vehicles.ComfortLevel;
import com.allocar.vehicles.Vehicle;
import com.allocar.vehicles.VehicleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A driver's trips (TRIP-1, TRIP-2, TRIP-6): one transaction per use case, each change audited in it and announced
 * with {@link TripChanged} (and {@link TripCancelled}). The route is computed before the transaction by
 * {@link TripPlanner}, which calls the create, update and stop methods here with it. Others' trips are 404.
 */
@ApplicationScoped
public class TripService {
    public static final ListSpec MINE = ListSpec.builder()
            .filter("status", FilterType.of(TripStatus.class))
            .filter("departure_time", FilterType.INSTANT)
            .sortable("departure_time", "created_at")
            .defaultSort("departure_time", true)
            .parameters("mine")
            .build();

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    TripRepository trips;
    @Inject
    TripUpdates updates;
    @Inject
    Ownership ownership;
    @Inject
    VehicleService vehicles;
    @Inject
    KycService kyc;
    @Inject
    Settings settings;
    @Inject
    AuditService audit;
    @Inject
    Event<TripChanged> changed;
    @Inject
    Event<TripCancelled> cancelled;
    @Inject
    Event<TripAmended> amended;

    private final Clock clock = Clock.systemUTC();

    /** A trip anyone may see (published, ongoing, completed), or one of {@code viewer}'s own; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TripView get(UUID id, Optional<UUID> viewer) {
        return TripView.of(visible(id, viewer));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TripView.StopView> stops(UUID id, Optional<UUID> viewer) {
        return TripView.stops(visible(id, viewer));
    }

    /** The caller's trips, a page at a time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TripView> mine(ListQuery query) {
        return trips.page(query, ownership.mineOnly("driver.id")).map(TripView::of);
    }

    /** The caller's trip's points in order (origin, stops, destination), to route a change before its transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GeoPoint> points(UUID id) {
        return TripUpdates.points(ownership.mine(Trip.class, id));
    }

    /** Creates a draft, or a published trip when the driver may publish (KYC-3). */
    @Transactional
    public TripView create(UUID driverId, CreateTripRequest request, List<TripRules.StopSpec> stops,
                           RouteEstimate route) {
        boolean draft = "draft".equals(request.status());
        User driver = em.find(User.class, driverId);
        if (driver == null) {
            throw new NotFoundException("No such user.");
        }
        if (!draft) {
            requireMayPublish(driverId);
        }
        Vehicle vehicle = vehicleFor(driverId, request.vehicleId(), draft);
        int seats = TripPlanner.seatsOf(request);
        if (vehicle != null && seats > vehicle.getSeatsTotal()) {
            throw ValidationException.field(request.seatsAvailable() != null ? "seats_available" : "seats_offered",
                    "at most " + vehicle.getSeatsTotal() + " (the vehicle's seats)");
        }
        Trip trip = new Trip(driver, point(request.origin()).toPoint(), request.origin().text().strip(),
                point(request.destination()).toPoint(), request.destination().text().strip(),
                request.departureTime().truncatedTo(ChronoUnit.MICROS), TripRules.price(request.pricePerSeat()), seats);
        trip.setVehicle(vehicle);
        if (request.comfort() != null) {
            trip.setComfort(ComfortLevel.valueOf(request.comfort()));
        }
        trip.setLuggagePolicy(TripUpdates.note(request.luggagePolicy()));
        trip.setRules(TripUpdates.note(request.rules()));
        trip.setAllowAutoAccept(Boolean.TRUE.equals(request.allowAutoAccept()));
        TripUpdates.placeStops(trip, stops);
        trip.setRoute(route.distanceM(), route.durationS());
        if (!draft) {
            trip.publish();
        }
        trips.add(trip);
        audit.record(ActorType.user, driverId, "trip.create", "trips", trip.getId(),
                Map.of("status", trip.getStatus().name(), "route_source", route.source()));
        changed.fire(new TripChanged(trip.getId()));
        return TripView.of(trip);
    }

    /**
     * Applies a change within TRIP-2: only draft or published trips; once a booking is paid, no change of price,
     * time or points; never fewer seats than are taken. {@code route} is the route through {@code routedPoints},
     * computed before the transaction when points change (null otherwise).
     */
    @Transactional
    public TripView update(UUID driverId, UUID id, UpdateTripRequest change, RouteEstimate route,
                           List<GeoPoint> routedPoints) {
        Trip trip = ownership.mineForUpdate(Trip.class, id);
        Map<String, Object> meta = updates.apply(trip, change, route, routedPoints, clock.instant());
        audit.record(ActorType.user, driverId, "trip.update", "trips", trip.getId(), meta);
        changed.fire(new TripChanged(trip.getId()));
        fireAmended(trip.getId(), meta.get("changed") instanceof List<?> fields
                ? fields.stream().map(String::valueOf).toList() : List.of());
        return TripView.of(trip);
    }

    /** Replaces the stops (ordered), with the route through them; only while the trip may change. */
    @Transactional
    public List<TripView.StopView> replaceStops(UUID driverId, UUID id, List<TripRules.StopSpec> stops,
                                                RouteEstimate route, List<GeoPoint> routedPoints) {
        Trip trip = ownership.mineForUpdate(Trip.class, id);
        updates.replaceStops(trip, stops, route, routedPoints);
        audit.record(ActorType.user, driverId, "trip.stops_replace", "trips", trip.getId(),
                Map.of("stops", stops.size(), "route_source", route.source()));
        changed.fire(new TripChanged(trip.getId()));
        fireAmended(trip.getId(), List.of("stops"));
        return TripView.stops(trip);
    }

    /** Tells passengers of the changes that concern them, if any ({@link TripAmended#RELEVANT}). */
    private void fireAmended(UUID tripId, List<String> fields) {
        List<String> relevant = fields.stream().filter(TripAmended.RELEVANT::contains).toList();
        if (!relevant.isEmpty()) {
            amended.fire(new TripAmended(UUID.randomUUID(), tripId, relevant));
        }
    }

    /** draft → published: KYC (when required), a vehicle, a departure still ahead and a price the axis allows. */
    @Transactional
    public TripView publish(UUID driverId, UUID id) {
        Trip trip = ownership.mineForUpdate(Trip.class, id);
        trip.getStatus().requireTransitionTo(TripStatus.published);
        requireMayPublish(driverId);
        if (trip.getVehicle() == null) {
            throw ValidationException.field("vehicle_id", "set one of your vehicles on the trip before publishing it");
        }
        TripRules.departure(trip.getDepartureTime(), clock.instant());
        TripRules.priceOnAxis(trip.getPricePerSeat(), settings.priceAxisFor(GeoPoint.of(trip.getOriginPoint()),
                GeoPoint.of(trip.getDestinationPoint())));
        trip.publish();
        trips.flush();
        audit.record(ActorType.user, driverId, "trip.publish", "trips", trip.getId(), Map.of());
        changed.fire(new TripChanged(trip.getId()));
        return TripView.of(trip);
    }

    /** draft or published → cancelled, with the reason; bookings are handled by the observers of TripCancelled. */
    @Transactional
    public TripView cancel(UUID driverId, UUID id, String reason) {
        Trip trip = ownership.mineForUpdate(Trip.class, id);
        cancel(trip, reason, ActorType.user, driverId, "trip.cancel");
        return TripView.of(trip);
    }

    /**
     * Deletes a trip nobody booked. A trip with bookings none of which is paid is cancelled instead (its bookings
     * keep their trip); one with a paid booking, or ongoing or completed, is 409.
     */
    @Transactional
    public void delete(UUID driverId, UUID id) {
        Trip trip = ownership.mineForUpdate(Trip.class, id);
        if (trip.getStatus() == TripStatus.ongoing || trip.getStatus() == TripStatus.completed) {
            throw new ConflictException("An " + trip.getStatus() + " trip cannot be deleted.",
                    Map.of("status", trip.getStatus().name()));
        }
        if (trips.hasPaidBooking(id)) {
            throw new ConflictException("Passengers have paid for this trip: cancel it instead.",
                    Map.of("reason", "paid_bookings"));
        }
        if (!trips.hasBookings(id)) {
            trips.remove(trip);
            audit.record(ActorType.user, driverId, "trip.delete", "trips", id, Map.of("mode", "deleted"));
            changed.fire(new TripChanged(id));
        } else if (trip.getStatus() != TripStatus.cancelled) {
            cancel(trip, "Deleted by the driver", ActorType.user, driverId, "trip.delete");
        }
    }

    /** published → ongoing (for the ride's start, by a later feature). */
    @Transactional
    public TripView start(UUID id, ActorType actorType, UUID actorId) {
        return move(id, TripStatus.ongoing, actorType, actorId);
    }

    /** ongoing → completed. */
    @Transactional
    public TripView complete(UUID id, ActorType actorType, UUID actorId) {
        return move(id, TripStatus.completed, actorType, actorId);
    }

    private TripView move(UUID id, TripStatus target, ActorType actorType, UUID actorId) {
        Trip trip = em.find(Trip.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (trip == null) {
            throw new NotFoundException("No such trip.");
        }
        if (target == TripStatus.ongoing) {
            trip.start();
        } else {
            trip.complete();
        }
        trips.flush();
        audit.record(actorType, actorId, "trip." + (target == TripStatus.ongoing ? "start" : "complete"), "trips", id,
                Map.of());
        changed.fire(new TripChanged(id));
        return TripView.of(trip);
    }

    private void cancel(Trip trip, String reason, ActorType actorType, UUID actorId, String action) {
        trip.cancel(reason, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        trips.flush();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("reason", reason);
        if (!action.equals("trip.cancel")) {
            meta.put("mode", "cancelled");
        }
        audit.record(actorType, actorId, action, "trips", trip.getId(), meta);
        changed.fire(new TripChanged(trip.getId()));
        cancelled.fire(new TripCancelled(trip.getId(), reason, actorType, actorId));
    }

    private Trip visible(UUID id, Optional<UUID> viewer) {
        Trip trip = trips.findWithDetails(id).orElseThrow(() -> new NotFoundException("No such trip."));
        if (!trip.getStatus().isPublic() && viewer.filter(trip.ownerId()::equals).isEmpty()) {
            throw new NotFoundException("No such trip.");
        }
        return trip;
    }

    /** KYC-3: an approved identity verification while the setting require_kyc_for_driver is on. */
    private void requireMayPublish(UUID driverId) {
        if (settings.requireKycForDriver() && !kyc.approved(driverId)) {
            throw new KycRequiredException("Publishing a trip needs an approved identity verification (KYC): submit "
                    + "your document with POST /me/kyc, or save the trip as a draft.",
                    Map.of("action", "publish_trip"));
        }
    }

    /**
     * The driver's rating average changed (ratings updates {@code users.rating_avg}, whose trigger rewrites the
     * search legs' {@code driver_rating} in the same transaction): each published trip of the driver is announced as
     * changed, so cached search pages drop it once the transaction commits. Called inside the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void driverRatingChanged(UUID driverId) {
        em.createQuery("SELECT t.id FROM Trip t WHERE t.driver.id = :driver AND t.status = :status", UUID.class)
                .setParameter("driver", driverId).setParameter("status", TripStatus.published)
                .getResultList().forEach(id -> changed.fire(new TripChanged(id, TripChanged.What.driver_rating)));
    }

    /**
     * The vehicle named, which must be the driver's; or the driver's only one. Several without a choice, or none
     * for a trip to publish, is a validation_error on vehicle_id; a draft may wait for its vehicle.
     */
    private Vehicle vehicleFor(UUID driverId, UUID vehicleId, boolean draft) {
        if (vehicleId != null) {
            return vehicles.ownedBy(driverId, vehicleId).orElseThrow(() ->
                    ValidationException.field("vehicle_id", "is not one of your vehicles"));
        }
        List<Vehicle> mine = vehicles.ownedBy(driverId, 2);
        if (mine.size() > 1) {
            throw ValidationException.field("vehicle_id", "you have several vehicles: say which one with vehicle_id");
        }
        if (mine.isEmpty() && !draft) {
            throw ValidationException.field("vehicle_id", "register a vehicle first (POST /vehicles)");
        }
        return mine.isEmpty() ? null : mine.get(0);
    }

    static GeoPoint point(TripPlace place) {
        return new GeoPoint(place.lat(), place.lon());
    }
}
