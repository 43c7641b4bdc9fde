package com.allocar.admin;

import com.allocar.platform.api.AlloCarApplication;
import com.allocar.platform.api.Envelope;
import com.allocar.platform.security.Caller;
import com.allocar.ratings.AdminRatingView;
import com.allocar.ratings.RatingModeration;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rating moderation (RATE-1): list every rating, hide or show a comment. Roles: super, support, compliance. */
@Path("/admin/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = AlloCarApplication.BEARER)
@APIResponse(responseCode = "401", description = "auth_required")
@APIResponse(responseCode = "403", description = "forbidden: role other than super, support or compliance")
public class AdminRatingResource {
    @Inject
    RatingModeration moderation;
    @Inject
    Caller caller;

    /** A moderator's decision on a rating's comment. */
    @Schema(name = "RatingModerationRequest")
    public record ModerationRequest(
            @NotNull @Schema(description = "true hides the comment from everyone but moderators; false shows it again")
            Boolean commentHidden,
            @NotBlank @Size(min = 3, max = 500) @Schema(description = "Why, for the audit log") String reason) {
    }

    @GET
    @AdminOnly(AdminPermission.RATINGS_MODERATE)
    @Operation(operationId = "adminListRatings", summary = "Ratings",
            description = "Every rating, blind ones included, with its comment even when hidden. Filters: to_user_id, "
                    + "from_user_id, booking_id, comment_hidden, role, stars (and stars_gte/_lte), created_at_gte/_lte "
                    + "(the period). Sort: created_at, stars (default -created_at). Pagination: page, page_size. "
                    + "Roles: super, support, compliance.")
    @APIResponse(responseCode = "200", description = "A page of ratings, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: unknown filter or sort, bad value")
    public Envelope<List<AdminRatingView>> list(@Context UriInfo uri) {
        return Envelope.of(moderation.list(RatingModeration.LIST.parse(uri.getQueryParameters())));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminOnly(AdminPermission.RATINGS_MODERATE)
    @Operation(operationId = "adminModerateRating", summary = "Hide or show a rating's comment",
            description = "Hiding keeps the stars (and the averages): profiles show the rating with a null comment and "
                    + "comment_hidden true. Audited (rating.comment_hidden, rating.comment_shown) with the reason. "
                    + "Roles: super, support, compliance.")
    @APIResponse(responseCode = "200", description = "The rating as it now stands")
    @APIResponse(responseCode = "400", description = "validation_error: comment_hidden or reason missing or invalid")
    @APIResponse(responseCode = "404", description = "not_found")
    @APIResponse(responseCode = "409", description = "conflict: the rating has no comment (details.reason no_comment)")
    public Envelope<AdminRatingView> moderate(@PathParam("id") UUID id, @Valid @NotNull ModerationRequest request) {
        return Envelope.of(moderation.moderate(caller.adminId(), id, request.commentHidden(), request.reason().strip()));
    }
}
