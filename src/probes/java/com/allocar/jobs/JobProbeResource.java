package com.allocar.jobs;

import com.allocar.platform.api.Envelope;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probe of {@link JobScheduler} (test WAR only; hidden from OpenAPI): fires a job for a given due time as
 * the schedule does, so that tests see a firing start one execution however many times (and from however many
 * threads, standing for instances) it is fired.
 */
@Path("/_probes/jobs/fire")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class JobProbeResource {
    @Inject
    JobScheduler scheduler;

    public record Firing(@NotBlank String job, @NotNull Instant due) {
    }

    public record Fired(Long executionId) {
    }

    @POST
    @Operation(hidden = true)
    public Response fire(@Valid @NotNull Firing firing) {
        return Response.ok(Envelope.of(new Fired(scheduler.fire(firing.job(), firing.due()).orElse(null)))).build();
    }
}
