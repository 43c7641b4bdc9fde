package com.allocar.bookings;

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
 * Conformance probe of {@link DepartureReminders} (test WAR only; hidden from OpenAPI): runs one sweep now, as the
 * managed scheduler does every minute, so tests need not wait for it.
 */
@Path("/_probes/reminders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ReminderProbeResource {
    @Inject
    DepartureReminders reminders;

    public record Swept(int reminded) {
    }

    @POST
    @Path("/sweep")
    @Operation(hidden = true)
    public Envelope<Swept> sweep() {
        return Envelope.of(new Swept(reminders.sweep(Instant.now())));
    }
}
