package com.allocar.platform.settings;

import com.allocar.platform.geo.GeoPoint;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A popular axis with a price floor and ceiling per seat (TRIP-6), from the setting {@code pricing.axes}. It
 * applies in both directions: a trip matches when its origin lies within {@code radiusKm} of one end and its
 * destination within {@code radiusKm} of the other. JSON form:
 * {@code {"name": "Abidjan–Yamoussoukro", "ends": [{"lat": 5.36, "lon": -4.0083}, {"lat": 6.8276, "lon": -5.2893}],
 * "radius_km": 30, "floor": 3000, "ceiling": 10000}} (XOF, whole francs).
 */
public record PriceAxis(String name, GeoPoint a, GeoPoint b, double radiusKm, BigDecimal floor, BigDecimal ceiling) {
    public static final double MAX_RADIUS_KM = 200;

    public PriceAxis {
        Objects.requireNonNull(name);
        Objects.requireNonNull(a);
        Objects.requireNonNull(b);
        if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
            throw new IllegalArgumentException("radius_km must be above 0 and at most " + (int) MAX_RADIUS_KM);
        }
        if (floor.signum() < 0 || ceiling.compareTo(floor) < 0) {
            throw new IllegalArgumentException("needs 0 <= floor <= ceiling");
        }
    }

    /** Whether a trip from {@code origin} to {@code destination} runs along this axis, in either direction. */
    public boolean matches(GeoPoint origin, GeoPoint destination) {
        return fit(origin, destination) >= 0;
    }

    /**
     * How far the trip's ends lie from the axis' ends (metres, the sum of both, in the better direction), or −1
     * when they are not both within the radius: the closest of several matching axes wins.
     */
    public double fit(GeoPoint origin, GeoPoint destination) {
        double radius = radiusKm * 1000;
        double forward = origin.metersTo(a) <= radius && destination.metersTo(b) <= radius
                ? origin.metersTo(a) + destination.metersTo(b) : -1;
        double backward = origin.metersTo(b) <= radius && destination.metersTo(a) <= radius
                ? origin.metersTo(b) + destination.metersTo(a) : -1;
        if (forward < 0) {
            return backward;
        }
        return backward < 0 ? forward : Math.min(forward, backward);
    }

    public boolean allows(BigDecimal pricePerSeat) {
        return pricePerSeat.compareTo(floor) >= 0 && pricePerSeat.compareTo(ceiling) <= 0;
    }

    /** The axes of a {@code pricing.axes} value; IllegalArgumentException saying what is wrong otherwise. */
    public static List<PriceAxis> parseAll(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException("must be a JSON array of axes");
        }
        List<PriceAxis> axes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                axes.add(parse(array.get(i)));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("axis " + i + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(axes);
    }

    private static PriceAxis parse(JsonValue value) {
        if (!(value instanceof JsonObject axis)) {
            throw new IllegalArgumentException("must be an object");
        }
        if (!(axis.get("name") instanceof JsonString name) || name.getString().isBlank()) {
            throw new IllegalArgumentException("name must be a non-empty string");
        }
        if (!(axis.get("ends") instanceof JsonArray ends) || ends.size() != 2) {
            throw new IllegalArgumentException("ends must be an array of two {lat, lon}");
        }
        return new PriceAxis(name.getString(), point(ends.get(0)), point(ends.get(1)),
                number(axis, "radius_km").doubleValue(), money(axis, "floor"), money(axis, "ceiling"));
    }

    private static GeoPoint point(JsonValue value) {
        if (!(value instanceof JsonObject point)) {
            throw new IllegalArgumentException("ends must be {lat, lon} objects");
        }
        return new GeoPoint(number(point, "lat").doubleValue(), number(point, "lon").doubleValue());
    }

    private static BigDecimal money(JsonObject object, String field) {
        BigDecimal amount = number(object, field);
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(field + " must be whole francs");
        }
        return amount.setScale(0);
    }

    private static BigDecimal number(JsonObject object, String field) {
        if (!(object.get(field) instanceof JsonNumber number)) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return number.bigDecimalValue();
    }
}
