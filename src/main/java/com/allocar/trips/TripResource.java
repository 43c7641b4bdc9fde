package com.allocar.trips;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Trips (TRIP-1): a driver's own, and any published one for everybody. Others' drafts and cancelled trips: 404. */
@Path("/trips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@Tag(name = "Trips", description = "Trips offered by drivers")
public class TripResource {
    @Inject
    TripService trips;
    @Inject
    TripPlanner planner;
    @Inject
    Caller caller;

    @GET
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "listMyTrips",
            summary = "My trips", description = "mine=true (required; search is GET /trips/search). Filters: status "
            + "(also `in:draft,published`), departure_time_gte, departure_time_lte. Sort: departure_time, created_at "
            + "(default -departure_time). Pagination: page, page_size (1..100, default 20).")
    @Parameter(name = "mine", in = ParameterIn.QUERY, required = true, schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "e.g. -created_at", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of my trips")
    @APIResponse(responseCode = "400", description = "validation_error: mine missing, unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<TripView>> mine(@Context UriInfo uri) {
        if (!"true".equals(uri.getQueryParameters().getFirst("mine"))) {
            throw ValidationException.field("mine", "must be true: this lists your own trips (search: GET /trips/search)");
        }
        return Envelope.of(trips.mine(TripService.MINE.parse(uri.getQueryParameters())));
    }

    @POST
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "createTrip",
            summary = "Offer a trip", description = "Published at once unless status is draft; publishing needs an "
            + "approved KYC while require_kyc_for_driver is on. Distance, duration and arrival_eta come from the "
            + "routing service (or its great-circle estimate). The price must lie within the floor and ceiling of a "
            + "popular axis the trip runs along. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The trip; Location names it",
            content = @Content(schema = @Schema(implementation = TripView.class)))
    @APIResponse(responseCode = "400", description = "validation_error (details.fields; details.price_range off an axis)")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "kyc_required: publishing needs an approved KYC")
    public Response create(@Valid @NotNull CreateTripRequest request, @Context UriInfo uri) {
        TripView created = planner.create(caller.userId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Envelope.of(created)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getTrip",
            summary = "One trip", description = "Public for published, ongoing and completed trips; drafts and "
            + "cancelled trips only for their driver (with a token).")
    @APIResponse(responseCode = "200", description = "The trip")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<TripView> get(@PathParam("id") UUID id) {
        return Envelope.of(trips.get(id, viewer(caller)));
    }

    @PATCH
    @Path("/{id}")
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "updateTrip",
            summary = "Change my trip", description = "Draft or published trips only. Once a booking is paid, the "
            + "price, departure time, points and stops are fixed; the seats offered never drop below the seats taken.")
    @APIResponse(responseCode = "200", description = "The trip")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such trip, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: state, paid bookings, or version mismatch")
    public Envelope<TripView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateTripRequest change) {
        return Envelope.of(planner.update(caller.userId(), id, change));
    }

    /** The signed-in user, if a user calls (a public route may be called without a token, or with an admin's). */
    static Optional<UUID> viewer(Caller caller) {
        return caller.isUser() ? Optional.of(caller.userId()) : Optional.empty();
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = AlloCarApplication.BEARER)
    @Operation(operationId = "deleteTrip",
            summary = "Delete my trip", description = "A trip nobody booked is deleted; one with unpaid bookings is "
            + "cancelled instead (kept for its bookings). With a paid booking, or ongoing or completed: 409.")
    @APIResponse(responseCode = "204", description = "Deleted (or cancelled)")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such trip, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: paid booking, or ongoing/completed")
    public void delete(@PathParam("id") UUID id) {
        trips.delete(caller.userId(), id);
    }
}
