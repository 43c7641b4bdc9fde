package com.allocar.ratings;

import com.allocar.platform.api.Envelope;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probe of {@link RatingRevealSweep} (test WAR only; hidden from OpenAPI): runs one sweep now, as the
 * managed scheduler does every few minutes, so tests need not wait for it.
 */
@Path("/_probes/ratings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RatingRevealProbeResource {
    @Inject
    RatingRevealSweep sweep;

    public record Swept(int revealed) {
    }

    @POST
    @Path("/reveal-sweep")
    @Operation(hidden = true)
    public Envelope<Swept> sweep() {
        return Envelope.of(new Swept(sweep.sweep(Instant.now())));
    }
}
