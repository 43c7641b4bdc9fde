package com.allocar.vehicles;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.ApiDocumentFilter;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.idempotency.Idempotent;
import com.allocar.platform.security.Caller;
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

/** The signed-in user's vehicles (VEH-1). Someone else's vehicle is answered like a missing one: 404. */
@Path("/vehicles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Vehicles", description = "The signed-in driver's vehicles")
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: not a user token (admins have their own routes)")
public class VehicleResource {
    @Inject
    VehicleService vehicles;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyVehicles",
            summary = "My vehicles", description = "Filter: comfort_level (also `in:a,b`). Sort: created_at, make, "
            + "plate_number (default -created_at). Pagination: page, page_size (1..100, default 20).")
    @Parameter(name = "page", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1"))
    @Parameter(name = "page_size", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "e.g. make,-created_at", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "comfort_level", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of my vehicles")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    public Envelope<List<VehicleView>> list(@Context UriInfo uri) {
        return Envelope.of(vehicles.list(VehicleService.LIST.parse(uri.getQueryParameters())));
    }

    @POST
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Operation(operationId = "createVehicle",
            summary = "Register a vehicle", description = "The plate is stored upper case without spaces, dots or "
            + "dashes and must be unique. The first vehicle makes the user a driver (is_driver); the access token's "
            + "`driver` group appears at the next sign-in or token refresh. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The vehicle; Location names it",
            content = @Content(schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "409", description = "conflict: the plate number is registered already (details.field)")
    public Response create(@Valid @NotNull CreateVehicleRequest request, @Context UriInfo uri) {
        VehicleView created = vehicles.create(caller.userId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Envelope.of(created)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getVehicle", summary = "One of my vehicles")
    @APIResponse(responseCode = "200", description = "The vehicle")
    @APIResponse(responseCode = "404", description = "not_found: no such vehicle, or not mine")
    public Envelope<VehicleView> get(@PathParam("id") UUID id) {
        return Envelope.of(vehicles.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateVehicle",
            summary = "Change my vehicle", description = "Only the fields present change. Changing make, model or "
            + "plate makes a verified vehicle unverified until it is checked again.")
    @APIResponse(responseCode = "200", description = "The updated vehicle")
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "404", description = "not_found: no such vehicle, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: the new plate number is registered already")
    public Envelope<VehicleView> update(@PathParam("id") UUID id, @Valid @NotNull UpdateVehicleRequest change) {
        return Envelope.of(vehicles.update(caller.userId(), id, change));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteVehicle",
            summary = "Delete my vehicle", description = "Only while no trip refers to it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "not_found: no such vehicle, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: trips refer to this vehicle")
    public void delete(@PathParam("id") UUID id) {
        vehicles.delete(caller.userId(), id);
    }
}
