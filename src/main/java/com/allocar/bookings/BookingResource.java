package com.allocar.bookings;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Seat requests (BOOK-1): made by passengers, seen by the booking's passenger and its trip's driver only. */
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Bookings", description = "Seat requests, their answers, payment state and the ride")
public class BookingResource {
    @Inject
    BookingService bookings;
    @Inject
    Caller caller;

    @POST
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Operation(operationId = "createBooking",
            summary = "Request seats on a trip", description = "Pending until the driver answers (the answer "
            + "deadline is expires_at: bookings.pending_expiry_hours, never after departure), or accepted at once "
            + "when the trip accepts automatically. The amount is price_per_seat × seats. At most "
            + "bookings.max_unpaid_per_24h unpaid bookings per 24 h; not on your own trip; one open booking per trip. "
            + "Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The booking; Location names it",
            content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "validation_error (trip_id unknown or not published, seats 1..8)")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "409", description = "booking_conflict: not enough seats (details.available, "
            + "details.requested), own trip (details.reason = own_trip), too many unpaid bookings (details.reason = "
            + "unpaid_limit); conflict: the trip has left, or already booked (details.booking_id)")
    public Response create(@Valid @NotNull BookingRequests.Create request, @Context UriInfo uri) {
        BookingView created = bookings.create(caller.userId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Envelope.of(created)).build();
    }

    @GET
    @Operation(operationId = "listMyBookings",
            summary = "My bookings", description = "role=passenger (default): mine; role=driver: those on my "
            + "trips. Filters: status (also in:paid,accepted), created_at_gte/lte, departure_time_gte/lte, trip_id. "
            + "Sort: created_at, departure_time (default -created_at). Pagination: page, page_size.")
    @Parameter(name = "role", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING,
            enumeration = {"passenger", "driver"}))
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of bookings")
    @APIResponse(responseCode = "400", description = "validation_error: role, unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<BookingView>> list(@Context UriInfo uri) {
        return Envelope.of(bookings.list(caller.userId(), uri.getQueryParameters().getFirst("role"),
                BookingService.LIST.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBooking",
            summary = "One booking", description = "For its passenger (qr_code once paid) and its trip's driver; "
            + "each sees the other's phone once the booking is paid.")
    @APIResponse(responseCode = "200", description = "The booking")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such booking, or not a party to it")
    public Envelope<BookingView> get(@PathParam("id") UUID id) {
        return Envelope.of(bookings.get(caller.userId(), id));
    }
}
