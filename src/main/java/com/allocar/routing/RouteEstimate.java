package com.allocar.routing;

/**
 * A route's length and driving time (TRIP-5).
 *
 * @param source {@link #OSRM} when the routing service answered, {@link #GREAT_CIRCLE} for the estimate used
 *               without it
 */
public record RouteEstimate(int distanceM, int durationS, String source) {
    public static final String OSRM = "osrm";
    public static final String GREAT_CIRCLE = "great_circle";
}
