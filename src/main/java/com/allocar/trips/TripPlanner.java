package com.allocar.trips;

import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.settings.Settings;
import com.allocar.routing.RouteEstimate;
import com.allocar.routing.RouteEstimator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The trip changes that need a route (TRIP-5): checks what needs no database, asks {@link RouteEstimator} (a
 * remote call, so outside any transaction: {@code NOT_SUPPORTED}), then runs the use case in {@link TripService}'s
 * transaction with the route. A change without new points needs no route (a new departure moves the arrival by
 * the stored duration).
 */
@ApplicationScoped
public class TripPlanner {
    @Inject
    TripService trips;
    @Inject
    RouteEstimator routes;
    @Inject
    Settings settings;

    private final Clock clock = Clock.systemUTC();

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TripView create(UUID driverId, CreateTripRequest request) {
        seatsOf(request);
        GeoPoint origin = TripService.point(request.origin());
        GeoPoint destination = TripService.point(request.destination());
        TripRules.distinctEnds(origin, destination);
        TripRules.departure(request.departureTime(), clock.instant());
        TripRules.priceOnAxis(TripRules.price(request.pricePerSeat()), settings.priceAxisFor(origin, destination));
        List<TripRules.StopSpec> stops = TripRules.stops(request.stops(), origin, destination);
        return trips.create(driverId, request, stops, routes.estimate(TripRules.through(origin, stops, destination)));
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TripView update(UUID driverId, UUID id, UpdateTripRequest change) {
        if (!change.movesRoute()) {
            return trips.update(driverId, id, change, null, null);
        }
        List<GeoPoint> current = trips.points(id);
        List<GeoPoint> routed = TripUpdates.withEnds(current, TripUpdates.end(change.origin(), current.get(0), "origin"),
                TripUpdates.end(change.destination(), current.get(current.size() - 1), "destination"));
        TripRules.distinctEnds(routed.get(0), routed.get(routed.size() - 1));
        RouteEstimate route = routes.estimate(routed);
        return trips.update(driverId, id, change, route, routed);
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<TripView.StopView> replaceStops(UUID driverId, UUID id, List<TripStopInput> inputs) {
        List<GeoPoint> current = trips.points(id);
        GeoPoint origin = current.get(0);
        GeoPoint destination = current.get(current.size() - 1);
        List<TripRules.StopSpec> stops = TripRules.stops(inputs, origin, destination);
        List<GeoPoint> routed = TripRules.through(origin, stops, destination);
        return trips.replaceStops(driverId, id, stops, routes.estimate(routed), routed);
    }

    /** The seats offered: {@code seats_available} (example 13.1) or {@code seats_offered}; one is needed. */
    static int seatsOf(CreateTripRequest request) {
        Integer available = request.seatsAvailable();
        Integer offered = request.seatsOffered();
        if (available == null && offered == null) {
            throw ValidationException.field("seats_available", "must not be null (the seats offered)");
        }
        if (available != null && offered != null && !available.equals(offered)) {
            throw ValidationException.field("seats_offered", "differs from seats_available; give one of them");
        }
        return available != null ? available : offered;
    }
}
