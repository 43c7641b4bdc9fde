package com.allocar.messaging;

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

/** A booking's chat over REST (MSG-1): its passenger and its trip's driver only; anyone else gets 404. */
@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Messages", description = "The chat between a booking's passenger and its driver (docs/messaging.md)")
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "404", description = "not_found: no such booking, or not its passenger or driver")
public class MessageResource {
    @Inject
    MessageService messages;
    @Inject
    Caller caller;

    @GET
    @Path("/{id}/messages")
    @Operation(operationId = "listBookingMessages", summary = "A page of the booking's chat, newest first",
            description = "At most `limit` messages (1..100, default 30), older than the cursor `before` when given. "
                    + "`next_before` is the cursor of the older messages, null when there are none; pages do not "
                    + "shift when new messages arrive. Images carry a presigned `image_url` valid 5 minutes.")
    @Parameter(name = "before", in = ParameterIn.QUERY, description = "The next_before of the previous page",
            schema = @Schema(type = SchemaType.STRING, maxLength = 64))
    @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER,
            minimum = "1", maximum = "100", defaultValue = "30"))
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(schema = @Schema(implementation = MessagePage.class)))
    @APIResponse(responseCode = "400", description = "validation_error: before (not a cursor), limit, an unknown "
            + "parameter")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured (a page "
            + "with images)")
    public Envelope<MessagePage> list(@PathParam("id") UUID id, @Context UriInfo uri) {
        return Envelope.of(messages.list(caller.userId(), id, uri.getQueryParameters()));
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Operation(operationId = "postBookingMessage", summary = "Send a text or an image to the other party",
            description = "`{type: text, text}` (1..2000 characters) or `{type: image, upload_key}` (from "
                    + "POST /bookings/{id}/messages/uploads, uploaded, at most 10 MiB). Until the booking is paid, "
                    + "phone numbers and e-mail addresses in a text are replaced when it is written (`masked`). "
                    + "Open while the booking is pending, accepted or paid and for "
                    + "messages.post_completion_days (7) after the ride's end; at most messages.per_minute (20) "
                    + "messages and uploads a minute per sender. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The message as stored",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: type; text blank, too long or with control "
            + "characters; upload_key blank, not an upload of the caller for this booking, not uploaded, empty or "
            + "larger than 10 MiB")
    @APIResponse(responseCode = "409", description = "conflict: reason booking_cancelled, chat_closed (closed_at), "
            + "upload_already_sent (message_id); idempotency_in_progress")
    @APIResponse(responseCode = "429", description = "rate_limited: scope chat (messages.per_minute)")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage not configured or not "
            + "answering (images)")
    public Response post(@PathParam("id") UUID id, @Valid @NotNull PostMessageRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(messages.post(caller.userId(), id, request))).build();
    }

    @POST
    @Path("/{id}/messages/uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startChatImageUpload", summary = "Upload an image for the chat",
            description = "content_type image/jpeg, image/png or image/webp. The app PUTs the image to upload_url "
                    + "(10 minutes) with exactly the headers given, then sends it with POST /bookings/{id}/messages "
                    + "{type: image, upload_key}. The image is private: only the booking's two parties get "
                    + "(short-lived) links to it. Counts against messages.per_minute.")
    @APIResponse(responseCode = "201", description = "upload_key, upload_url, method (PUT), headers, expires_at",
            content = @Content(schema = @Schema(implementation = ChatUpload.class)))
    @APIResponse(responseCode = "400", description = "validation_error: content_type")
    @APIResponse(responseCode = "409", description = "conflict: reason booking_cancelled or chat_closed")
    @APIResponse(responseCode = "429", description = "rate_limited: scope chat")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured")
    public Response upload(@PathParam("id") UUID id, @Valid @NotNull ChatUploadRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(messages.startUpload(caller.userId(), id, request.contentType()))).build();
    }

    @POST
    @Path("/{id}/messages/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markBookingMessagesRead", summary = "Mark the other party's messages read",
            description = "Sets read_at on the other party's messages up to and including `up_to` (any message of "
                    + "this booking) that were not read yet; repeating it changes nothing. Allowed in every state of "
                    + "the booking.")
    @APIResponse(responseCode = "200", description = "How many this call marked, and how many are left unread",
            content = @Content(schema = @Schema(implementation = ReadReceipt.class)))
    @APIResponse(responseCode = "400", description = "validation_error: up_to missing or not a message of this "
            + "booking")
    public Response markRead(@PathParam("id") UUID id, @Valid @NotNull MarkReadRequest request) {
        return Response.ok(Envelope.of(messages.markRead(caller.userId(), id, request.upTo()))).build();
    }
}
