package com.allocar.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code http_requests_total} by method, route template and status, and the latency histogram
 * {@code http_request_duration_seconds} by method and route (OBS-2). Route templates, never raw paths,
 * keep the label set small.
 */
@ApplicationScoped
public class HttpMetrics {
    private static final Metadata REQUESTS = Metadata.builder()
            .withName("http_requests")
            .withDescription("HTTP requests answered, by method, route template and status")
            .build();
    private static final Metadata DURATION = Metadata.builder()
            .withName("http_request_duration")
            .withDescription("HTTP request latency, by method and route template")
            .build();

    @Inject
    MetricRegistry registry;

    public void record(String method, String route, int status, long nanos) {
        Tag methodTag = new Tag("method", method);
        Tag routeTag = new Tag("route", route);
        registry.counter(REQUESTS, methodTag, routeTag, new Tag("status", Integer.toString(status))).inc();
        registry.timer(DURATION, methodTag, routeTag).update(Duration.ofNanos(nanos));
    }
}
