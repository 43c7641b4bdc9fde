package com.allocar.notifications;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Conformance probe of {@link Notifications} (test WAR only, see {@code ConformanceProbeResource}; hidden from
 * OpenAPI): queues one message in a transaction of its own, then commits it, or rolls it back when asked,
 * so tests see that a notification lives and dies with the transaction that queued it.
 */
@Path("/_probes/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class NotificationProbeResource {
    @Inject
    Notifications notifications;

    public record NotificationProbe(@NotNull OutboxChannel channel, @NotBlank String to, String subject,
                                    @NotBlank String text, boolean rollback) {
    }

    public record Queued(OutboxChannel channel) {
    }

    @POST
    @Transactional
    @Operation(hidden = true)
    public Response queue(@Valid @NotNull NotificationProbe probe) {
        switch (probe.channel()) {
            case sms -> notifications.sms(probe.to(), probe.text());
            case email -> notifications.email(probe.to(), probe.subject(), probe.text());
            default -> throw new NotFoundException("No such channel.");
        }
        if (probe.rollback()) {
            throw new ConflictException("Rolled back on request, with the queued notification.");
        }
        return Response.accepted(Envelope.of(new Queued(probe.channel()))).build();
    }
}
