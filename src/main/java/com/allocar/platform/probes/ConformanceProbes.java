package com.allocar.platform.probes;

import com.allocar.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether the conformance probes answer: off unless {@code ALLOCAR_CONFORMANCE_PROBES=true}. */
@ApplicationScoped
public class ConformanceProbes {
    @Inject
    @ConfigProperty(name = "ALLOCAR_CONFORMANCE_PROBES", defaultValue = "false")
    boolean enabled;

    void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException("No such resource.");
        }
    }
}
