package com.allocar.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

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

    /**
     * The metrics already looked up, by their labels (a few per route template): building the tags validates their
     * names with a regular expression and the registry lookup converts them again, on every request otherwise.
     */
    private final Map<RequestsKey, Counter> requests = new ConcurrentHashMap<>();
    private final Map<DurationKey, Timer> durations = new ConcurrentHashMap<>();

    private record RequestsKey(String method, String route, int status) {
    }

    private record DurationKey(String method, String route) {
    }

    public void record(String method, String route, int status, long nanos) {
        requests.computeIfAbsent(new RequestsKey(method, route, status), key -> registry.counter(REQUESTS,
                new Tag("method", method), new Tag("route", route), new Tag("status", Integer.toString(status)))).inc();
        durations.computeIfAbsent(new DurationKey(method, route), key -> registry.timer(DURATION,
                new Tag("method", method), new Tag("route", route))).update(Duration.ofNanos(nanos));
    }
}
