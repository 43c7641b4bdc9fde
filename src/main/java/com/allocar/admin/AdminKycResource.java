package com.allocar.admin;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/kyc} (KYC-2, ADM-2): the review queue, for super and compliance admins only. */
@Path("/admin/kyc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super or compliance")
public class AdminKycResource {
    @Inject
    AdminKycService kyc;
    @Inject
    Caller caller;

    /** The notes are checked without their surrounding white space. */
    public record Rejection(@NotBlank @Size(min = 3, max = 500) String notes) {
        public Rejection {
            notes = notes == null ? null : notes.strip();
        }
    }

    @GET
    @Path("/pending")
    @AdminOnly(AdminPermission.KYC_REVIEW)
    @Operation(operationId = "listPendingKycDocuments",
            summary = "Documents waiting for review", description = "Oldest first by default. Filters: doc_type "
            + "(also `in:a,b`), created_at_gte, created_at_lte. Sort: created_at, doc_type. Each item carries the "
            + "submitter and presigned GET URLs of the images, valid 5 minutes (urls_expire_at). Roles: super, "
            + "compliance.")
    @Parameter(name = "page", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "1"))
    @Parameter(name = "page_size", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "e.g. -created_at", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "doc_type", in = ParameterIn.QUERY, description = "cni, passport or permis",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "A page of pending documents")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort field, bad value")
    @APIResponse(responseCode = "503", description = "service_unavailable: file storage is not configured")
    public Envelope<List<AdminKycView>> pending(@Context UriInfo uri) {
        return Envelope.of(kyc.pending(AdminKycService.LIST.parse(uri.getQueryParameters())));
    }

    @POST
    @Path("/{id}/approve")
    @AdminOnly(AdminPermission.KYC_REVIEW)
    @Operation(operationId = "approveKycDocument",
            summary = "Approve a pending document", description = "Records the reviewer and the time; audited. "
            + "Roles: super, compliance.")
    @APIResponse(responseCode = "200", description = "The approved document")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the document was reviewed already (details.from, details.to)")
    public Envelope<AdminKycView> approve(@PathParam("id") UUID id) {
        return Envelope.of(kyc.approve(caller.adminId(), id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.KYC_REVIEW)
    @Operation(operationId = "rejectKycDocument",
            summary = "Reject a pending document", description = "notes (3..500 characters) tells the user why; "
            + "they read it in GET /me/kyc/status and may submit a new document. Audited. Roles: super, compliance.")
    @APIResponse(responseCode = "200", description = "The rejected document")
    @APIResponse(responseCode = "400", description = "validation_error: notes missing or too short/long")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the document was reviewed already (details.from, details.to)")
    public Envelope<AdminKycView> reject(@PathParam("id") UUID id, @Valid @NotNull Rejection rejection) {
        return Envelope.of(kyc.reject(caller.adminId(), id, rejection.notes()));
    }
}
