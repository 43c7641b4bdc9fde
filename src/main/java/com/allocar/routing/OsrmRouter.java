package com.allocar.routing;

import com.allocar.platform.geo.GeoPoint;
import com.allocar.platform.web.HttpUrls;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Asks OSRM for the driving route through the points, in order (TRIP-5), guarded by MicroProfile Fault Tolerance:
 * {@value #TIMEOUT_MS} ms timeout, a circuit breaker that opens when half of the last {@value #CB_VOLUME} calls
 * failed and tries again after {@value #CB_DELAY_MS} ms, and the great-circle estimate ({@link OsrmFallback}) for
 * any failure: timeout, open circuit, HTTP error, unreadable answer, or an answer without a route (code other than
 * {@code Ok}). The numbers can be overridden through MicroProfile Config
 * ({@code com.allocar.routing.OsrmRouter/route/Timeout/value} …).
 */
@ApplicationScoped
public class OsrmRouter {
    static final long TIMEOUT_MS = 2_000;
    static final int CB_VOLUME = 10;
    static final long CB_DELAY_MS = 10_000;
    static final long CONNECT_TIMEOUT_MS = 1_000;
    static final long READ_TIMEOUT_MS = 2_500;

    @Inject
    @ConfigProperty(name = "OSRM_URL")
    Optional<String> url;

    private OsrmApi api;

    @PostConstruct
    void init() {
        URI uri = HttpUrls.optional("OSRM_URL", url).orElse(null);
        if (uri == null) {
            return;
        }
        api = RestClientBuilder.newBuilder()
                .baseUri(uri)
                .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .readTimeout(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .build(OsrmApi.class);
    }

    @PreDestroy
    void close() {
        if (api != null) {
            api.close();
        }
    }

    /** Whether OSRM_URL is set; without it {@link RouteEstimator} uses the great-circle estimate directly. */
    public boolean configured() {
        return api != null;
    }

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = CB_VOLUME, failureRatio = 0.5, delay = CB_DELAY_MS, successThreshold = 2)
    @Fallback(OsrmFallback.class)
    public RouteEstimate route(List<GeoPoint> points) {
        if (api == null) {
            throw new IllegalStateException("OSRM_URL is not set");
        }
        return read(api.route(coordinates(points), "false"));
    }

    /** {@code lon,lat;lon,lat…} with six decimals (about 10 cm). */
    static String coordinates(List<GeoPoint> points) {
        return points.stream().map(p -> String.format(Locale.ROOT, "%.6f,%.6f", p.lon(), p.lat()))
                .collect(Collectors.joining(";"));
    }

    /** The first route of an answer; {@link NoRouteException} when OSRM found none or answered something else. */
    static RouteEstimate read(JsonObject answer) {
        String code = answer != null && answer.get("code") instanceof JsonString text ? text.getString() : null;
        if (!"Ok".equals(code)) {
            throw new NoRouteException("OSRM answered code " + code);
        }
        if (!(answer.get("routes") instanceof JsonArray routes) || routes.isEmpty()
                || !(routes.get(0) instanceof JsonObject route)
                || !(route.get("distance") instanceof JsonNumber distance)
                || !(route.get("duration") instanceof JsonNumber duration)
                || distance.doubleValue() < 0 || duration.doubleValue() < 0
                || distance.doubleValue() > Integer.MAX_VALUE || duration.doubleValue() > Integer.MAX_VALUE) {
            throw new NoRouteException("OSRM answered Ok without a usable route");
        }
        return new RouteEstimate((int) Math.round(distance.doubleValue()), (int) Math.round(duration.doubleValue()),
                RouteEstimate.OSRM);
    }

    /** OSRM answered, but not with a route. */
    static final class NoRouteException extends RuntimeException {
        NoRouteException(String message) {
            super(message);
        }
    }
}
