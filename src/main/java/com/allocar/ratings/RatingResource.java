package com.allocar.ratings;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rate the other party of a completed ride (RATE-1, docs/ratings.md). */
@Path("/ratings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.USER)
@SecurityRequirement(name = AlloCarApplication.BEARER)
@Tag(name = "Ratings", description = "Double-blind ratings between passengers and drivers")
public class RatingResource {
    @Inject
    Ratings ratings;
    @Inject
    Caller caller;

    @POST
    @Idempotent
    @Parameter(ref = ApiDocumentFilter.IDEMPOTENCY_KEY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRating", summary = "Rate the other party of a completed ride",
            description = "The passenger rates the driver, the driver rates the passenger: once per direction and "
                    + "booking, within ratings.window_days (14) of the ride's completion. The rating stays blind (seen "
                    + "by its author only) until the other party rated too (both become visible at once) or the window "
                    + "closes. Tags come from the rated role's catalogue (at most 5); comment up to 1000 characters. Accepts "
                    + "Idempotency-Key (a retry replays the first answer instead of 409 already_rated).")
    @APIResponse(responseCode = "201", description = "The rating as its author sees it",
            content = @Content(schema = @Schema(implementation = RatingView.class)))
    @APIResponse(responseCode = "400", description = "validation_error: stars, comment, tags, or to_user_id not the "
            + "other party")
    @APIResponse(responseCode = "401", description = "auth_required")
    @APIResponse(responseCode = "404", description = "not_found: no such booking, or not one of the caller's")
    @APIResponse(responseCode = "409", description = "conflict: details.reason booking_not_completed, "
            + "rating_window_closed (with closed_at) or already_rated")
    public Response rate(@Valid @NotNull RateRequest request) {
        RatingView made = ratings.rate(caller.userId(), request);
        return Response.status(Response.Status.CREATED).entity(Envelope.of(made)).build();
    }
}
