package com.allocar.trips;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A trip's stops and state changes (TRIP-1, TRIP-2): {@code /trips/{id}/stops}, {@code /publish}, {@code /cancel}. */
@Path("/trips")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@Tag(name = "Trips")
public class TripActionsResource {
    @Inject
    TripService trips;
    @Inject
    TripPlanner planner;
    @Inject
    Caller caller;

    @GET
    @Path("/{id}/stops")
    @PermitAll
    @Operation(operationId = "listTripStops",
            summary = "A trip's stops, in order", description = "Visible like the trip.")
    @APIResponse(responseCode = "200", description = "The stops")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<List<TripView.StopView>> stops(@PathParam("id") UUID id) {
        return Envelope.of(trips.stops(id, TripResource.viewer(caller)));
    }

    @POST
    @Path("/{id}/stops")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "replaceTripStops",
            summary = "Replace my trip's stops", description = "The body is the whole ordered list (at most 8; [] "
            + "removes them): {lat, lon, label (or text), pickup_allowed, dropoff_allowed}. Draft or published trips, "
            + "before any paid booking. The route is computed again through them.")
    @APIResponse(responseCode = "200", description = "The stops")
    @APIResponse(responseCode = "400", description = "validation_error (details.fields: stops[i].lat …)")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such trip, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: state or paid bookings")
    public Envelope<List<TripView.StopView>> replace(@PathParam("id") UUID id, @NotNull List<TripStopInput> stops) {
        return Envelope.of(planner.replaceStops(caller.userId(), id, stops));
    }

    @POST
    @Path("/{id}/publish")
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "publishTrip",
            summary = "Publish my draft", description = "Needs an approved KYC (while require_kyc_for_driver is on), "
            + "a vehicle, a departure at least 15 minutes ahead and a price within its axis' range.")
    @APIResponse(responseCode = "200", description = "The published trip")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "kyc_required")
    @APIResponse(responseCode = "404", description = "not_found: no such trip, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: not a draft (details.from, details.to)")
    public Envelope<TripView> publish(@PathParam("id") UUID id) {
        return Envelope.of(trips.publish(caller.userId(), id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "cancelTrip",
            summary = "Cancel my trip", description = "Draft or published → cancelled, with the reason (3..500 "
            + "characters) passengers will read; the trip stays readable by its driver. Audited.")
    @APIResponse(responseCode = "200", description = "The cancelled trip")
    @APIResponse(responseCode = "400", description = "validation_error: reason missing")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such trip, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: ongoing, completed or cancelled already")
    public Envelope<TripView> cancel(@PathParam("id") UUID id, @Valid @NotNull CancelTripRequest request) {
        return Envelope.of(trips.cancel(caller.userId(), id, request.reason()));
    }
}
