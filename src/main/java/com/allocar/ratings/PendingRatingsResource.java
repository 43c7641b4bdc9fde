package com.allocar.ratings;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's rides still to rate (RATE-1), so the app can ask for them. */
@Path("/me/ratings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Ratings")
public class PendingRatingsResource {
    @Inject
    Ratings ratings;
    @Inject
    Caller caller;

    @GET
    @Path("/pending")
    @Operation(operationId = "listPendingRatings", summary = "My rides still to rate",
            description = "Completed rides, as passenger and as driver, whose rating window is open and that I have "
                    + "not rated, the soonest to close first. Pagination: page, page_size.")
    @APIResponse(responseCode = "200", description = "A page of rides to rate, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: page, page_size or an unknown parameter")
    @APIResponse(responseCode = "401", description = "auth_required")
    public Envelope<List<PendingRatingView>> pending(@Context UriInfo uri) {
        return Envelope.of(ratings.pending(caller.userId(), Ratings.PENDING_LIST.parse(uri.getQueryParameters())));
    }
}
