package com.allocar.platform.probes;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probes: tiny endpoints that exercise the platform mechanisms (envelopes, validation,
 * idempotency, per-user rate limits, failure handling) independently of any business domain, so the
 * platform's integration tests do not depend on domain rules. Test code: compiled from {@code src/probes/java}
 * into the test WAR that {@code scripts/test} deploys, never into the production WAR; hidden from the OpenAPI
 * document.
 */
@Path("/_probes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class ConformanceProbeResource {
    public record Execution(UUID executionId, String value, Instant executedAt) {
    }

    public record IdempotentProbe(@NotBlank String value, @Min(0) @Max(5000) Integer delayMs) {
    }

    public record ValidatedProbe(@NotBlank @Size(max = 20) String firstName, @NotNull @Min(1) @Max(8) Integer seats,
                                 @Email String email) {
    }

    public record Caller(String subject) {
    }

    @POST
    @Path("/idempotent")
    @Idempotent
    @Operation(hidden = true)
    public Response idempotent(@Valid @NotNull IdempotentProbe probe) throws InterruptedException {
        if (probe.delayMs() != null && probe.delayMs() > 0) {
            Thread.sleep(probe.delayMs());
        }
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(new Execution(UUID.randomUUID(), probe.value(), Instant.now())))
                .build();
    }

    @POST
    @Path("/validated")
    @Operation(hidden = true)
    public Envelope<ValidatedProbe> validated(@Valid @NotNull ValidatedProbe probe) {
        return Envelope.of(probe);
    }

    @GET
    @Path("/caller")
    @Operation(hidden = true)
    public Envelope<Caller> caller(@Context SecurityContext security) {
        return Envelope.of(new Caller(security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName()));
    }

    @GET
    @Path("/failure")
    @Operation(hidden = true)
    public Envelope<Caller> failure() {
        throw new IllegalStateException("probe failure with a secret detail that must not leak");
    }
}
