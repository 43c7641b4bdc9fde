package com.allocar.messaging;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tickets that admit a WebSocket (MSG-2, docs/realtime.md): the access token never travels in a socket's URL. */
@Path("/ws/tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Realtime", description = "WebSocket tickets and the driver position (docs/realtime.md)")
public class SocketTicketResource {
    @Inject
    SocketAccess access;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSocketTicket", summary = "A one-use ticket to open a WebSocket",
            description = "`{booking_id}` for the booking's chat (`/ws/bookings/{id}`: its passenger and driver) or "
                    + "`{trip_id}` for the trip's driver position (`/ws/trips/{id}/driver-location`: its driver and "
                    + "its passengers with an accepted or paid booking). Open `path` within 30 s "
                    + "(ALLOCAR_WS_TICKET_SECONDS) offering the subprotocols `protocols` (`allocar.v1`, "
                    + "`ticket.<ticket>`) in Sec-WebSocket-Protocol; a ticket admits one socket, once. Frames, close "
                    + "codes and resuming: docs/realtime.md.")
    @APIResponse(responseCode = "201", description = "The ticket",
            content = @Content(schema = @Schema(implementation = SocketTicketView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: not exactly one of booking_id and trip_id")
    @APIResponse(responseCode = "404", description = "not_found: no such booking or trip, or the caller is not in it")
    public Response create(@NotNull SocketTicketRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(access.ticket(caller.userId(), request))).build();
    }
}
