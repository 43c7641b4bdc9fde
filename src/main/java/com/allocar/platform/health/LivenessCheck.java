package com.allocar.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live as long as the JVM answers and has some heap left; a restart would not help otherwise. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
    private static final long MIN_FREE_BYTES = 8L * 1024 * 1024;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return HealthCheckResponse.named("allocar-live")
                .status(free > MIN_FREE_BYTES)
                .withData("heap_free_mb", free / (1024 * 1024))
                .build();
    }
}
