package com.allocar.routing;

import com.allocar.platform.geo.GeoPoint;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The great-circle estimate in place of OSRM's answer, counted in {@code routing_fallbacks_total{reason}}
 * (timeout, circuit_open, no_route, error).
 */
public class OsrmFallback implements FallbackHandler<RouteEstimate> {
    private static final Logger LOG = Logger.getLogger(OsrmFallback.class.getName());
    static final Metadata FALLBACKS = Metadata.builder().withName("routing_fallbacks")
            .withDescription("Routes estimated by great circle because OSRM failed, by reason").build();

    @Inject
    MetricRegistry registry;

    @Override
    @SuppressWarnings("unchecked")
    public RouteEstimate handle(ExecutionContext context) {
        // A timed-out call was interrupted; the request goes on (to the database) on this thread.
        Thread.interrupted();
        String reason = reason(context.getFailure());
        registry.counter(FALLBACKS, new Tag("reason", reason)).inc();
        LOG.warning(() -> "OSRM unavailable (" + reason + ": " + context.getFailure() + "); great-circle estimate used");
        return GreatCircle.estimate((List<GeoPoint>) context.getParameters()[0]);
    }

    static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit_open";
        }
        return failure instanceof OsrmRouter.NoRouteException ? "no_route" : "error";
    }
}
