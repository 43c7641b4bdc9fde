package com.allocar.routing;

import com.allocar.platform.geo.GeoPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The length and duration of a drive through points in order (TRIP-5): OSRM when {@code OSRM_URL} is set (with its
 * timeout, circuit breaker and fallback), else the great-circle estimate. A remote call: never inside a database
 * transaction.
 */
@ApplicationScoped
public class RouteEstimator {
    @Inject
    OsrmRouter osrm;

    public RouteEstimate estimate(List<GeoPoint> points) {
        return osrm.configured() ? osrm.route(List.copyOf(points)) : GreatCircle.estimate(points);
    }
}
