package com.allocar.disputes;

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

/** The disputes about the caller's bookings, as passenger or as driver. */
@Path("/me/disputes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Disputes")
public class MyDisputesResource {
    @Inject
    DisputeService disputes;
    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listMyDisputes", summary = "Disputes about my bookings",
            description = "Opened by me or by the other party, newest first. Filters: status, created_at_gte/_lte. "
                    + "Sort: created_at. Pagination: page, page_size (1..100, default 20).")
    @Parameter(name = "status", in = ParameterIn.QUERY, schema = @Schema(implementation = DisputeStatus.class))
    @APIResponse(responseCode = "200", description = "A page of disputes, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<DisputeView>> list(@Context UriInfo uri) {
        return Envelope.of(disputes.mine(caller.userId(), DisputeService.MINE.parse(uri.getQueryParameters())));
    }
}
