package com.allocar.disputes;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Disputes for a booking's parties (DISP-1): open, read, write to support. Anyone else gets 404. */
@Path("/disputes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Disputes", description = "A booking's passenger or driver asks support to settle a problem "
        + "(docs/disputes.md)")
@APIResponse(responseCode = "401", description = "auth_required")
public class DisputeResource {
    @Inject
    DisputeService disputes;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Operation(operationId = "openDispute", summary = "Open a dispute about one of my bookings",
            description = "By the booking's passenger or driver, when it is paid or completed, until "
                    + "disputes.window_days (30) after the trip's departure or the ride's end, whichever is later; at "
                    + "most one dispute in progress (open or investigating) per booking and opener. description: 10 "
                    + "to 2000 characters. attachments: at most 5 upload_key values from POST /disputes/uploads, "
                    + "uploaded (at most 10 MiB each). Both parties are notified. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The dispute; Location names it",
            content = @Content(schema = @Schema(implementation = DisputeView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: booking_id, category, description, "
            + "attachments (not an upload of the caller for this booking, listed twice, not uploaded, empty, too large)")
    @APIResponse(responseCode = "404", description = "not_found: no such booking, or not its passenger or driver")
    @APIResponse(responseCode = "409", description = "conflict: reason booking_not_disputable (status), window_closed "
            + "(closed_at), dispute_open (dispute_id); idempotency_in_progress")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage not configured or not "
            + "answering (attachments)")
    public Response open(@Valid @NotNull DisputeRequests.Open request, @Context UriInfo uri) {
        DisputeView made = disputes.open(caller.userId(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(made.id().toString()).build())
                .entity(Envelope.of(made)).build();
    }

    @POST
    @Path("/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startDisputeUpload", summary = "Upload a file to attach to a dispute",
            description = "content_type image/jpeg, image/png, image/webp or application/pdf, for a booking the caller "
                    + "may open a dispute about. The app PUTs the file to upload_url (10 minutes) with exactly the "
                    + "headers given, then lists upload_key in POST /disputes. The file is private: only the "
                    + "dispute's parties and admins get (short-lived) links to it.")
    @APIResponse(responseCode = "201", description = "upload_key, upload_url, method (PUT), headers, expires_at",
            content = @Content(schema = @Schema(implementation = DisputeUpload.class)))
    @APIResponse(responseCode = "400", description = "validation_error: booking_id, content_type")
    @APIResponse(responseCode = "404", description = "not_found: no such booking, or not its passenger or driver")
    @APIResponse(responseCode = "409", description = "conflict: reason booking_not_disputable or window_closed")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured")
    public Response upload(@Valid @NotNull DisputeRequests.Upload request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(disputes.startUpload(caller.userId(), request))).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDispute", summary = "One dispute about one of my bookings",
            description = "Attachments carry presigned links valid 5 minutes.")
    @APIResponse(responseCode = "200", description = "The dispute",
            content = @Content(schema = @Schema(implementation = DisputeView.class)))
    @APIResponse(responseCode = "404", description = "not_found: no such dispute, or not about a booking of mine")
    public Envelope<DisputeView> get(@PathParam("id") UUID id) {
        return Envelope.of(disputes.get(caller.userId(), id));
    }

    @GET
    @Path("/{id}/messages")
    @Operation(operationId = "listDisputeMessages", summary = "The dispute's messages, oldest first",
            description = "Between the booking's parties and support. Filter created_at_gte/_lte; pagination page, "
                    + "page_size (1..100, default 20).")
    @APIResponse(responseCode = "200", description = "A page of messages, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "404", description = "not_found: no such dispute, or not about a booking of mine")
    public Envelope<List<DisputeMessageView>> messages(@PathParam("id") UUID id, @Context UriInfo uri) {
        return Envelope.of(disputes.messages(caller.userId(), id,
                DisputeService.MESSAGES.parse(uri.getQueryParameters())));
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Operation(operationId = "postDisputeMessage", summary = "Write to support on a dispute",
            description = "body: 1 to 2000 characters. While the dispute is open or investigating; at most 200 "
                    + "messages per dispute. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The message as stored",
            content = @Content(schema = @Schema(implementation = DisputeMessageView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: body blank, too long or with control characters")
    @APIResponse(responseCode = "404", description = "not_found: no such dispute, or not about a booking of mine")
    @APIResponse(responseCode = "409", description = "conflict: reason dispute_closed (status), message_limit (limit); "
            + "idempotency_in_progress")
    public Response post(@PathParam("id") UUID id, @Valid @NotNull DisputeRequests.Message request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(disputes.post(caller.userId(), id, request))).build();
    }
}
