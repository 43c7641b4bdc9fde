package com.allocar.trips;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.settings.Settings;
import com.allocar.routing.RouteEstimate;
import com.allocar.vehicles.ComfortLevel;
import com.allocar.vehicles.Vehicle;
import com.allocar.vehicles.VehicleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of changing a trip (TRIP-2), applied inside {@link TripService}'s transaction to a trip locked for
 * update: only draft or published trips change; once a booking is paid, price, time, points and stops are fixed;
 * seats change by conditional SQL, never below the seats taken.
 */
@ApplicationScoped
public class TripUpdates {
    @Inject
    TripRepository trips;
    @Inject
    VehicleService vehicles;
    @Inject
    Settings settings;

    /** Applies {@code change}; returns the audit meta (the fields changed). */
    Map<String, Object> apply(Trip trip, UpdateTripRequest change, RouteEstimate route, List<GeoPoint> routedPoints,
                              Instant now) {
        if (change.version() != null && change.version() != trip.getVersion()) {
            throw new ConflictException("The trip was changed since you read it; read it again.",
                    Map.of("reason", "version_mismatch", "version", trip.getVersion()));
        }
        requireEditable(trip);
        GeoPoint origin = GeoPoint.of(trip.getOriginPoint());
        GeoPoint destination = GeoPoint.of(trip.getDestinationPoint());
        GeoPoint newOrigin = end(change.origin(), origin, "origin");
        GeoPoint newDestination = end(change.destination(), destination, "destination");
        boolean pointsMove = !newOrigin.equals(origin) || !newDestination.equals(destination);
        Instant departure = change.departureTime() == null ? trip.getDepartureTime()
                : change.departureTime().truncatedTo(ChronoUnit.MICROS);
        BigDecimal price = change.pricePerSeat() == null ? trip.getPricePerSeat() : TripRules.price(change.pricePerSeat());
        List<String> changed = new ArrayList<>();
        addIf(changed, "price_per_seat", price.compareTo(trip.getPricePerSeat()) != 0);
        addIf(changed, "departure_time", !departure.equals(trip.getDepartureTime()));
        addIf(changed, "origin", pointsMove && !newOrigin.equals(origin));
        addIf(changed, "destination", pointsMove && !newDestination.equals(destination));
        if (!changed.isEmpty() && trips.hasPaidBooking(trip.getId())) {
            throw paidBookings(changed);
        }
        if (changed.contains("departure_time")) {
            TripRules.departure(departure, now);
        }
        if (pointsMove) {
            TripRules.distinctEnds(newOrigin, newDestination);
            requireRoutedOn(withEnds(points(trip), newOrigin, newDestination), routedPoints);
        }
        if (changed.contains("price_per_seat") || pointsMove) {
            TripRules.priceOnAxis(price, settings.priceAxisFor(newOrigin, newDestination));
        }
        Vehicle vehicle = change.vehicleId() == null ? trip.getVehicle()
                : vehicles.ownedBy(trip.ownerId(), change.vehicleId()).orElseThrow(() ->
                        ValidationException.field("vehicle_id", "is not one of your vehicles"));
        changeSeats(trip, change, vehicle, changed);

        if (!Objects.equals(idOf(vehicle), idOf(trip.getVehicle()))) {
            trip.setVehicle(vehicle);
            changed.add("vehicle_id");
        }
        if (change.comfort() != null && ComfortLevel.valueOf(change.comfort()) != trip.getComfort()) {
            trip.setComfort(ComfortLevel.valueOf(change.comfort()));
            changed.add("comfort");
        }
        if (change.luggagePolicy() != null && !Objects.equals(note(change.luggagePolicy()), trip.getLuggagePolicy())) {
            trip.setLuggagePolicy(note(change.luggagePolicy()));
            changed.add("luggage_policy");
        }
        if (change.rules() != null && !Objects.equals(note(change.rules()), trip.getRules())) {
            trip.setRules(note(change.rules()));
            changed.add("rules");
        }
        if (change.allowAutoAccept() != null && change.allowAutoAccept() != trip.isAllowAutoAccept()) {
            trip.setAllowAutoAccept(change.allowAutoAccept());
            changed.add("allow_auto_accept");
        }
        String originText = text(change.origin(), trip.getOriginText());
        String destinationText = text(change.destination(), trip.getDestinationText());
        addIf(changed, "origin_text", !originText.equals(trip.getOriginText()));
        addIf(changed, "destination_text", !destinationText.equals(trip.getDestinationText()));
        trip.moveOrigin(newOrigin.equals(origin) ? trip.getOriginPoint() : newOrigin.toPoint(), originText);
        trip.moveDestination(newDestination.equals(destination) ? trip.getDestinationPoint() : newDestination.toPoint(),
                destinationText);
        trip.setDepartureTime(departure);
        trip.setPricePerSeat(price);
        if (pointsMove) {
            trip.setRoute(route.distanceM(), route.durationS());
        } else if (trip.getDurationS() != null) {
            trip.setRoute(trip.getDistanceM(), trip.getDurationS());
        }
        trips.flush();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("changed", changed);
        if (pointsMove) {
            meta.put("route_source", route.source());
        }
        return meta;
    }

    /** Replaces the stops, with the route through them: only while the trip may change and nobody has paid. */
    void replaceStops(Trip trip, List<TripRules.StopSpec> stops, RouteEstimate route, List<GeoPoint> routedPoints) {
        requireEditable(trip);
        if (trips.hasPaidBooking(trip.getId())) {
            throw paidBookings(List.of("stops"));
        }
        GeoPoint origin = GeoPoint.of(trip.getOriginPoint());
        GeoPoint destination = GeoPoint.of(trip.getDestinationPoint());
        requireRoutedOn(TripRules.through(origin, stops, destination), routedPoints);
        trip.clearStops();
        trips.flush();
        placeStops(trip, stops);
        trip.setRoute(route.distanceM(), route.durationS());
        trips.flush();
    }

    /** The trip's points in driving order: origin, stops, destination. */
    static List<GeoPoint> points(Trip trip) {
        List<GeoPoint> points = new ArrayList<>();
        points.add(GeoPoint.of(trip.getOriginPoint()));
        trip.getStops().forEach(stop -> points.add(GeoPoint.of(stop.getPoint())));
        points.add(GeoPoint.of(trip.getDestinationPoint()));
        return points;
    }

    /** {@code points} with other ends. */
    static List<GeoPoint> withEnds(List<GeoPoint> points, GeoPoint origin, GeoPoint destination) {
        List<GeoPoint> moved = new ArrayList<>(points);
        moved.set(0, origin);
        moved.set(moved.size() - 1, destination);
        return moved;
    }

    /** The new position of an end, or {@code current}; lat and lon come together. */
    static GeoPoint end(TripPlaceChange change, GeoPoint current, String field) {
        if (change == null || !change.movesPoint()) {
            return current;
        }
        if (change.lat() == null || change.lon() == null) {
            throw ValidationException.field(field + (change.lat() == null ? ".lat" : ".lon"),
                    "lat and lon are given together");
        }
        return new GeoPoint(change.lat(), change.lon());
    }

    static void placeStops(Trip trip, List<TripRules.StopSpec> stops) {
        for (int i = 0; i < stops.size(); i++) {
            TripRules.StopSpec stop = stops.get(i);
            trip.addStop(i + 1, stop.point().toPoint(), stop.label(), stop.pickupAllowed(), stop.dropoffAllowed());
        }
    }

    /** A note trimmed, or null when absent or empty. */
    static String note(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void changeSeats(Trip trip, UpdateTripRequest change, Vehicle vehicle, List<String> changed) {
        int max = vehicle == null ? TripRules.SEATS_MAX : vehicle.getSeatsTotal();
        if (change.seatsOffered() != null && change.seatsAvailable() != null) {
            throw ValidationException.field("seats_available", "give seats_offered or seats_available, not both");
        }
        String field = change.seatsOffered() != null ? "seats_offered" : "seats_available";
        Integer wanted = change.seatsOffered() != null ? change.seatsOffered() : change.seatsAvailable();
        int current = change.seatsOffered() != null ? trip.getSeatsOffered() : trip.getSeatsAvailable();
        if (wanted == null || wanted == current) {
            if (trip.getSeatsOffered() > max) {
                throw ValidationException.field("vehicle_id", "this vehicle has " + max + " seats; the trip offers "
                        + trip.getSeatsOffered());
            }
            return;
        }
        boolean done = change.seatsOffered() != null ? trips.offerSeats(trip.getId(), wanted, max)
                : trips.freeSeats(trip.getId(), wanted, max);
        if (!done) {
            int taken = trips.seatsTaken(trip.getId());
            int offer = change.seatsOffered() != null ? wanted : taken + wanted;
            String problem = offer > max ? "the trip can offer at most " + max + " seats (the vehicle's)"
                    : offer < 1 ? "the trip must offer at least one seat"
                    : "cannot leave fewer seats offered than the " + taken + " already taken";
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fields", Map.of(field, problem));
            details.put("seats_taken", taken);
            throw new ValidationException("The seats cannot change this way.", details);
        }
        trips.refresh(trip);
        changed.add(field);
    }

    private static void requireEditable(Trip trip) {
        if (!trip.getStatus().editable()) {
            throw new ConflictException("A " + trip.getStatus() + " trip cannot be changed.",
                    Map.of("status", trip.getStatus().name()));
        }
    }

    /** The route was computed before the transaction on these points; someone else's change meanwhile is 409. */
    private static void requireRoutedOn(List<GeoPoint> points, List<GeoPoint> routedPoints) {
        if (!points.equals(routedPoints)) {
            throw new ConflictException("The trip was changed by someone else at the same time; read it again and "
                    + "retry.", Map.of("reason", "concurrent_update"));
        }
    }

    private static ConflictException paidBookings(List<String> fields) {
        return new ConflictException("Passengers have paid for this trip: its price, time, places and stops are "
                + "fixed.", Map.of("reason", "paid_bookings", "fields", List.copyOf(fields)));
    }

    private static Object idOf(Vehicle vehicle) {
        return vehicle == null ? null : vehicle.getId();
    }

    private static String text(TripPlaceChange change, String current) {
        return change == null || change.text() == null ? current : change.text().strip();
    }

    private static void addIf(List<String> changed, String field, boolean condition) {
        if (condition) {
            changed.add(field);
        }
    }
}
