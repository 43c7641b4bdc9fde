package com.allocar.admin;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import com.allocar.referrals.AdminReferralView;
import com.allocar.referrals.AdminReferrals;
import com.allocar.referrals.ReferralQueries;
import com.allocar.referrals.ReferralStatus;
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

/** Referrals for the back office (ADM-2, REF-1): list, look at one, cancel an abusive one. Roles: super, ops. */
@Path("/admin/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super or ops")
public class AdminReferralResource {
    @Inject
    ReferralQueries queries;
    @Inject
    AdminReferrals referrals;
    @Inject
    Caller caller;

    /** Why the back office cancels a referral. */
    @Schema(name = "ReferralCancelRequest")
    public record CancelRequest(@NotBlank @Size(min = 3, max = 400) String reason) {
    }

    @GET
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminListReferrals", summary = "Referrals",
            description = "Filters: status, referrer_id, referee_id, created_at_gte/_lte. Sort: created_at, rewarded_at "
                    + "(default -created_at). Pagination: page, page_size. Roles: super, ops.")
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = ReferralStatus.class))
    @Parameter(name = "referrer_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @Parameter(name = "referee_id", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @APIResponse(responseCode = "200", description = "A page of referrals, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    public Envelope<List<AdminReferralView>> list(@Context UriInfo uri) {
        return Envelope.of(queries.all(ReferralQueries.ADMIN.parse(uri.getQueryParameters())));
    }

    @GET
    @Path("/{id}")
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminGetReferral", summary = "One referral", description = "Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The referral")
    @APIResponse(responseCode = "404", description = "not_found")
    public Envelope<AdminReferralView> get(@PathParam("id") UUID id) {
        return Envelope.of(queries.one(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.PROMOS_AND_REFERRALS)
    @Operation(operationId = "adminCancelReferral", summary = "Cancel a pending referral",
            description = "For abuse the automatic checks did not catch: the referral never pays. Audited "
                    + "(referral.cancel). Roles: super, ops.")
    @APIResponse(responseCode = "200", description = "The cancelled referral")
    @APIResponse(responseCode = "400", description = "validation_error: reason (3..400 characters)")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: not pending (details.reason not_pending, details.status)")
    public Envelope<AdminReferralView> cancel(@PathParam("id") UUID id, @Valid @NotNull CancelRequest request) {
        return Envelope.of(referrals.cancel(caller.adminId(), id, request.reason().strip()));
    }
}
