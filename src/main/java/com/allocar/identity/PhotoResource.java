package com.allocar.identity;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/** {@code POST /me/photo} (AUTH-6): a presigned upload of the signed-in user's profile photo. */
@Path("/me/photo")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Profile", description = "The signed-in user's own data")
public class PhotoResource {
    @Inject
    PhotoService photos;
    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "startPhotoUpload",
            summary = "Upload a new profile photo", description = "content_type image/jpeg, image/png or "
            + "image/webp. The answer's photo_url is the profile's photo_url from now on; the app PUTs the image "
            + "to upload_url right away (10 minutes) with exactly the headers given.")
    @APIResponse(responseCode = "201", description = "upload_url, method (PUT), headers, photo_url, expires_at",
            content = @Content(schema = @Schema(implementation = PhotoUpload.class)))
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "403", description = "forbidden: not a user token")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured")
    public Response upload(@Valid @NotNull PhotoUploadRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(photos.startUpload(caller.userId(), request.contentType()))).build();
    }
}
