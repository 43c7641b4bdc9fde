package com.allocar.bookings;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A booking's transitions (BOOK-2, BOOK-3, CXL): each answers the booking, 404 to non-parties, 403 to the party whose
 * action it is not, 409 {@code conflict} (details.from, details.to) for a move the state machine forbids.
 */
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Bookings")
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "404", description = "not_found: no such booking, or not a party to it")
public class BookingActionsResource {
    @Inject
    BookingService bookings;
    @Inject
    Caller caller;

    @POST
    @Path("/{id}/accept")
    @Operation(operationId = "acceptBooking",
            summary = "Accept a request (driver)", description = "pending → accepted, before expires_at. Seats are "
            + "taken at payment, so accepting holds none.")
    @APIResponse(responseCode = "200", description = "The booking")
    @APIResponse(responseCode = "403", description = "forbidden: not the driver")
    @APIResponse(responseCode = "409", description = "conflict (state, expired); booking_conflict (seats gone)")
    public Envelope<BookingView> accept(@PathParam("id") UUID id) {
        return Envelope.of(bookings.accept(caller.userId(), id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectBooking",
            summary = "Reject a request (driver)", description = "pending → cancelled by the driver with the reason.")
    @APIResponse(responseCode = "200", description = "The booking")
    @APIResponse(responseCode = "400", description = "validation_error: reason (3..500)")
    @APIResponse(responseCode = "403", description = "forbidden: not the driver")
    @APIResponse(responseCode = "409", description = "conflict: not pending")
    public Envelope<BookingView> reject(@PathParam("id") UUID id, @Valid @NotNull BookingRequests.Reject request) {
        return Envelope.of(bookings.reject(caller.userId(), id, request.reason()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelBooking",
            summary = "Cancel (passenger or driver)", description = "Passenger: free until paid; a paid booking "
            + "cancelled less than cancellation.window_hours before departure keeps cancellation.fee_percent, the "
            + "rest goes to the wallet. Driver: the passenger gets everything back to the means of payment; less than "
            + "the window before departure, an accepted or paid booking fines the driver. See docs/bookings.md.")
    @APIResponse(responseCode = "200", description = "The cancelled booking")
    @APIResponse(responseCode = "409", description = "conflict: completed or cancelled already, or the trip has left")
    public Envelope<BookingView> cancel(@PathParam("id") UUID id, @Valid BookingRequests.Cancel request) {
        return Envelope.of(bookings.cancel(caller.userId(), id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/checkin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkInPassenger",
            summary = "Check the passenger in (driver)", description = "With the code read from the passenger's "
            + "QR code; paid bookings, once.")
    @APIResponse(responseCode = "200", description = "The booking, checked_in_at set")
    @APIResponse(responseCode = "400", description = "validation_error: code is not this booking's")
    @APIResponse(responseCode = "403", description = "forbidden: not the driver")
    @APIResponse(responseCode = "409", description = "conflict: not paid, or already checked in")
    public Envelope<BookingView> checkIn(@PathParam("id") UUID id, @Valid @NotNull BookingRequests.Checkin request) {
        return Envelope.of(bookings.checkIn(caller.userId(), id, request.code()));
    }

    @POST
    @Path("/{id}/start-ride")
    @Operation(operationId = "startRide",
            summary = "Start the ride (driver)", description = "For a checked-in passenger; the trip becomes ongoing.")
    @APIResponse(responseCode = "200", description = "The booking, started_at set")
    @APIResponse(responseCode = "403", description = "forbidden: not the driver")
    @APIResponse(responseCode = "409", description = "conflict: not checked in, or already started")
    public Envelope<BookingView> startRide(@PathParam("id") UUID id) {
        return Envelope.of(bookings.startRide(caller.userId(), id));
    }

    @POST
    @Path("/{id}/end-ride")
    @Operation(operationId = "endRide",
            summary = "End the ride (driver)", description = "paid → completed; the trip completes with its last "
            + "paid passenger.")
    @APIResponse(responseCode = "200", description = "The completed booking")
    @APIResponse(responseCode = "403", description = "forbidden: not the driver")
    @APIResponse(responseCode = "409", description = "conflict: the ride has not started")
    public Envelope<BookingView> endRide(@PathParam("id") UUID id) {
        return Envelope.of(bookings.endRide(caller.userId(), id));
    }

    @POST
    @Path("/{id}/no-show")
    @Operation(operationId = "reportNoShow",
            summary = "Report a no-show (driver)", description = "A paid booking not checked in, once the departure "
            + "time has come: cancelled, cancellation.no_show_percent kept, the rest to the passenger's wallet.")
    @APIResponse(responseCode = "200", description = "The cancelled booking")
    @APIResponse(responseCode = "403", description = "forbidden: not the driver")
    @APIResponse(responseCode = "409", description = "conflict: not paid, checked in, or before departure")
    public Envelope<BookingView> noShow(@PathParam("id") UUID id) {
        return Envelope.of(bookings.noShow(caller.userId(), id));
    }

    @GET
    @Path("/{id}/qr.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    @Operation(operationId = "getBoardingQrCode",
            summary = "My boarding code as a PNG (passenger)", description = "The booking's qr_code, once paid.")
    @APIResponse(responseCode = "200", description = "The QR code", content = @Content(mediaType = "image/png"))
    @APIResponse(responseCode = "409", description = "conflict: not paid")
    public Response qr(@PathParam("id") UUID id) {
        return Response.ok(bookings.qrPng(caller.userId(), id), "image/png")
                .header("Cache-Control", "private, no-store").build();
    }
}
