package com.allocar.messaging;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trip driver's last position, for clients that cannot hold a socket (MSG-2, docs/realtime.md). */
@Path("/trips")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Realtime", description = "WebSocket tickets and the driver position (docs/realtime.md)")
public class DriverLocationResource {
    @Inject
    DriverLocations locations;
    @Inject
    Caller caller;

    @GET
    @Path("/{id}/driver-location")
    @Operation(operationId = "getDriverLocation", summary = "The trip driver's last position",
            description = "For the trip's driver and its passengers with an accepted or paid booking. The driver "
                    + "publishes over the socket `/ws/trips/{id}/driver-location` (at most one position every 2 s); "
                    + "`at` is when the phone took it: judge its freshness from it. Polling clients: at most every "
                    + "5 s.")
    @APIResponse(responseCode = "200", description = "The last position",
            content = @Content(schema = @Schema(implementation = DriverLocationView.class)))
    @APIResponse(responseCode = "404", description = "not_found: no such trip, or the caller is neither its driver "
            + "nor a passenger with an accepted or paid booking; or `reason: no_position` before the first one")
    public Response get(@PathParam("id") UUID id) {
        return Response.ok(Envelope.of(locations.last(caller.userId(), id))).build();
    }
}
