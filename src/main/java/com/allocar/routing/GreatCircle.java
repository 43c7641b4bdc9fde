package com.allocar.routing;

import com.allocar.platform.geo.GeoPoint;
import java.util.List;

/**
 * The estimate used when the routing service is not configured or fails (TRIP-5): the great-circle length of
 * the legs through every point in order, times a road detour factor, driven at an average speed. The numbers fit
 * the main Ivorian axes (road length ÷ great circle: Abidjan–Yamoussoukro 232 / 214 km ≈ 1.08, Abidjan–Bouaké
 * ≈ 1.15, Abidjan–San-Pédro ≈ 1.25; demo trips drive 232 km in 3 h 15 ≈ 71 km/h): 1.2 and 70 km/h.
 */
public final class GreatCircle {
    public static final double DETOUR_FACTOR = 1.2;
    public static final double SPEED_KMH = 70;

    private GreatCircle() {
    }

    public static RouteEstimate estimate(List<GeoPoint> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a route has at least two points");
        }
        double meters = 0;
        for (int i = 1; i < points.size(); i++) {
            meters += points.get(i - 1).metersTo(points.get(i));
        }
        double road = meters * DETOUR_FACTOR;
        double seconds = road / (SPEED_KMH * 1000 / 3600);
        return new RouteEstimate((int) Math.round(road), (int) Math.round(seconds), RouteEstimate.GREAT_CIRCLE);
    }
}
