package com.allocar.trips;

import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.settings.PriceAxis;
import com.allocar.vehicles.VehicleRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The limits on a trip's fields, shared by the request records (Bean Validation) and the services. */
public final class TripRules {
    public static final int TEXT_MAX = 200;
    public static final int NOTE_MAX = 500;
    public static final int SEATS_MAX = VehicleRules.SEATS_MAX;
    public static final int MAX_STOPS = 8;
    public static final String PRICE_MAX = "1000000";
    public static final String COMFORT_LEVELS = VehicleRules.COMFORT_LEVELS;
    public static final String NOT_BLANK = VehicleRules.NOT_BLANK;
    /** How far ahead a departure must be when a trip is created, moved or published. */
    public static final Duration MIN_LEAD = Duration.ofMinutes(15);
    /** Origin and destination at least this far apart (metres). */
    public static final double MIN_TRIP_M = 1_000;
    /** Two consecutive points closer than this (metres) are the same place. */
    public static final double SAME_PLACE_M = 100;

    private TripRules() {
    }

    /** A stop as the domain takes it: checked position and label, in driving order. */
    public record StopSpec(GeoPoint point, String label, boolean pickupAllowed, boolean dropoffAllowed) {
    }

    /** A departure far enough ahead, else validation_error on {@code departure_time}. */
    public static Instant departure(Instant departure, Instant now) {
        if (departure.isBefore(now.plus(MIN_LEAD))) {
            throw ValidationException.field("departure_time",
                    "must be at least " + MIN_LEAD.toMinutes() + " minutes in the future");
        }
        return departure;
    }

    /** XOF whole francs. */
    public static BigDecimal price(BigDecimal price) {
        if (price.stripTrailingZeros().scale() > 0) {
            throw ValidationException.field("price_per_seat", "must be whole francs (XOF)");
        }
        return price.setScale(0);
    }

    /** validation_error on {@code price_per_seat} when a popular axis' floor and ceiling do not allow the price. */
    public static void priceOnAxis(BigDecimal price, Optional<PriceAxis> axis) {
        axis.filter(a -> !a.allows(price)).ifPresent(a -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fields", Map.of("price_per_seat", "must be between " + a.floor().toPlainString() + " and "
                    + a.ceiling().toPlainString() + " XOF on the " + a.name() + " axis"));
            details.put("price_range", Map.of("axis", a.name(), "floor", a.floor(), "ceiling", a.ceiling()));
            throw new ValidationException("The price per seat is outside the allowed range for this axis.", details);
        });
    }

    /** validation_error on {@code destination} when the two ends are the same place. */
    public static void distinctEnds(GeoPoint origin, GeoPoint destination) {
        if (origin.metersTo(destination) < MIN_TRIP_M) {
            throw ValidationException.field("destination", "must be at least 1 km from the origin");
        }
    }

    /**
     * The stops of a request, checked: at most {@value #MAX_STOPS}, each with a position and a label (or text), no
     * stop at the same place as the point before it or as the destination. Problems are named {@code stops[i].lat}
     * and so on, all reported at once.
     */
    public static List<StopSpec> stops(List<TripStopInput> inputs, GeoPoint origin, GeoPoint destination) {
        if (inputs == null || inputs.isEmpty()) {
            return List.of();
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (inputs.size() > MAX_STOPS) {
            throw ValidationException.field("stops", "at most " + MAX_STOPS + " stops");
        }
        List<StopSpec> stops = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TripStopInput input = inputs.get(i);
            String name = "stops[" + i + "]";
            if (input == null) {
                problems.put(name, "must not be null");
                continue;
            }
            String label = input.label() != null ? input.label() : input.text();
            boolean ok = coordinate(problems, name + ".lat", input.lat(), 90)
                    & coordinate(problems, name + ".lon", input.lon(), 180);
            if (label == null || label.isBlank() || label.strip().length() > TEXT_MAX) {
                problems.put(name + ".label", "must be 1 to " + TEXT_MAX + " characters");
                ok = false;
            }
            if (ok) {
                stops.add(new StopSpec(new GeoPoint(input.lat(), input.lon()), label.strip(),
                        input.pickupAllowed() == null || input.pickupAllowed(),
                        input.dropoffAllowed() == null || input.dropoffAllowed()));
            }
        }
        if (problems.isEmpty()) {
            GeoPoint previous = origin;
            for (int i = 0; i < stops.size(); i++) {
                GeoPoint here = stops.get(i).point();
                if (previous.metersTo(here) < SAME_PLACE_M) {
                    problems.put("stops[" + i + "]", i == 0 ? "is the same place as the origin"
                            : "is the same place as the stop before it");
                } else if (destination.metersTo(here) < SAME_PLACE_M) {
                    problems.put("stops[" + i + "]", "is the same place as the destination");
                }
                previous = here;
            }
        }
        if (!problems.isEmpty()) {
            throw ValidationException.fields(problems);
        }
        return List.copyOf(stops);
    }

    /** The points a route runs through, in order. */
    public static List<GeoPoint> through(GeoPoint origin, List<StopSpec> stops, GeoPoint destination) {
        List<GeoPoint> points = new ArrayList<>();
        points.add(origin);
        stops.forEach(stop -> points.add(stop.point()));
        points.add(destination);
        return points;
    }

    private static boolean coordinate(Map<String, String> problems, String field, Double value, double bound) {
        if (value == null || !(value >= -bound && value <= bound)) {
            problems.put(field, "must be a number between " + (int) -bound + " and " + (int) bound);
            return false;
        }
        return true;
    }
}
