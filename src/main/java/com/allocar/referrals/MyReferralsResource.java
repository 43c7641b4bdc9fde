package com.allocar.referrals;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's referral code, their referrer and the friends they brought (REF-1). */
@Path("/me/referrals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Referrals")
public class MyReferralsResource {
    @Inject
    ReferralQueries queries;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getMyReferrals", summary = "My referral code and what my referrals brought",
            description = "The code to share, the referral that brought me (if any), how many friends are pending or "
                    + "rewarded, the francs earned, the current bonuses, and until when I may still enter a code.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<MyReferralsView> get() {
        return Envelope.of(queries.mine(caller.userId()));
    }

    @GET
    @Path("/invitees")
    @Operation(operationId = "listMyInvitees", summary = "The friends I referred",
            description = "Filters: status (pending, rewarded, cancelled), created_at_gte/_lte. Sort: created_at "
                    + "(default -created_at). Pagination: page, page_size (1..100, default 20). Names are a first name "
                    + "and an initial.")
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = ReferralStatus.class))
    @APIResponse(responseCode = "200", description = "A page of referrals, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<ReferralView>> invitees(@Context UriInfo uri) {
        return Envelope.of(queries.invitees(caller.userId(), ReferralQueries.INVITEES.parse(uri.getQueryParameters())));
    }
}
