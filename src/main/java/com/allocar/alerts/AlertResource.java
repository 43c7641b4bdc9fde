package com.allocar.alerts;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trip alerts: be told when a matching trip is published. */
@Path("/me/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Alerts", description = "Be told when a trip matching a search is published")
public class AlertResource {
    @Inject
    TripAlerts alerts;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createTripAlert", summary = "Create a trip alert",
            description = "When a trip is published (or changes) and one of its legs (origin, stops, destination) starts "
                    + "within radius_km (default 25) of from and ends within it of to, departs on one of the days "
                    + "date_from..date_to (UTC, at most 90 days) and has seats (default 1) left, the user is notified "
                    + "once for that trip (push, and e-mail to a verified address). At most alerts.max_per_user (10) "
                    + "alerts whose last day has not passed.")
    @APIResponse(responseCode = "201", description = "The alert; Location names it",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: places, radius_km, dates, seats")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "409", description = "conflict: the limit is reached (details.reason alert_limit, "
            + "details.limit)")
    public Response create(@Valid @NotNull AlertRequest request, @Context UriInfo uri) {
        AlertView made = alerts.create(caller.userId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(made.id().toString()).build())
                .entity(Envelope.of(made)).build();
    }

    @GET
    @Operation(operationId = "listTripAlerts", summary = "My trip alerts", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The alerts")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<AlertView>> list() {
        return Envelope.of(alerts.list(caller.userId()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteTripAlert", summary = "Delete one of my trip alerts")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such alert, or not mine")
    public Response delete(@PathParam("id") UUID id) {
        alerts.delete(caller.userId(), id);
        return Response.noContent().build();
    }
}
