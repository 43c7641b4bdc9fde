package com.allocar.identity;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's identity verification (AUTH-6, KYC-1, KYC-2). Others' documents are answered 404. */
@Path("/me/kyc")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Identity verification", description = "KYC documents of the signed-in user")
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: not a user token")
public class KycResource {
    @Inject
    KycService kyc;
    @Inject
    Caller caller;

    @POST
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitKycDocument",
            summary = "Submit an identity document", description = "doc_type cni|passport|permis, doc_number "
            + "(3..40), front_content_type and, for a document with a back side, back_content_type (image/jpeg, "
            + "image/png or application/pdf). The answer is the pending document with presigned URLs: the app "
            + "PUTs each image right away (10 minutes) with exactly the headers given; the images are never "
            + "publicly readable. Refused while a document waits for review or once verified. Accepts "
            + "Idempotency-Key (a retry gets the same URLs).")
    @APIResponse(responseCode = "201", description = "The pending document and its upload URLs; Location names it",
            content = @Content(schema = @Schema(implementation = KycUploads.class)))
    @APIResponse(responseCode = "400", description = "validation_error")
    @APIResponse(responseCode = "409", description = "conflict: a document is pending review, or the identity is "
            + "verified already (details.status, details.id)")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured")
    public Response submit(@Valid @NotNull KycSubmission submission, @Context UriInfo uri) {
        KycUploads created = kyc.submit(caller.userId(), submission);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(Envelope.of(created)).build();
    }

    @GET
    @Path("/status")
    @Operation(operationId = "getMyKycStatus",
            summary = "My verification status", description = "The latest document's status, doc_type, notes "
            + "(the reason of a rejection) and reviewed_at; {\"status\": \"none\"} before any submission.")
    @APIResponse(responseCode = "200", description = "The status")
    public Envelope<KycView> status() {
        return Envelope.of(kyc.status(caller.userId()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMyKycDocument", summary = "One of my documents")
    @APIResponse(responseCode = "200", description = "The document (no image URLs)")
    @APIResponse(responseCode = "404", description = "not_found: no such document, or not mine")
    public Envelope<KycView> get(@PathParam("id") UUID id) {
        return Envelope.of(kyc.get(id));
    }

    @POST
    @Path("/{id}/upload-urls")
    @Operation(operationId = "renewKycUploadUrls", summary = "New upload URLs for my pending document",
            description = "When the first URLs expired before the images were uploaded.")
    @APIResponse(responseCode = "200", description = "The pending document and fresh upload URLs")
    @APIResponse(responseCode = "404", description = "not_found: no such document, or not mine")
    @APIResponse(responseCode = "409", description = "conflict: the document was reviewed already")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured")
    public Envelope<KycUploads> renewUploads(@PathParam("id") UUID id) {
        return Envelope.of(kyc.renewUploads(id));
    }
}
