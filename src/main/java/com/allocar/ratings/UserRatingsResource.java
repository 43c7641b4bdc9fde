package com.allocar.ratings;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.web.RequestContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's public ratings (RATE-1): visible ones only, newest first, with their summary. */
@Path("/users/{id}/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ratings")
public class UserRatingsResource {
    @Inject
    Ratings ratings;

    @GET
    @PermitAll
    @Operation(operationId = "listUserRatings", summary = "A user's ratings",
            description = "Public. The visible ratings about the user (blind ones are not shown), newest first: stars, "
                    + "comment (null when moderation hid it), tags, the author's first name and photo, the rated "
                    + "role. data.summary: average, count and count per star of all of them (of one role with role=). "
                    + "Pagination: page, page_size.")
    @Parameter(name = "role", in = ParameterIn.QUERY, schema = @Schema(enumeration = {"as_driver", "as_passenger"}))
    @APIResponse(responseCode = "200", description = "The summary and a page of ratings, meta.pagination")
    @APIResponse(responseCode = "400", description = "validation_error: page, page_size, role or an unknown parameter")
    @APIResponse(responseCode = "404", description = "not_found: no such user")
    public Envelope<UserRatings> list(@PathParam("id") UUID id, @Context UriInfo uri) {
        Ratings.Profile profile = ratings.visible(id, Ratings.PUBLIC_LIST.parse(uri.getQueryParameters()));
        return new Envelope<>(new UserRatings(profile.summary(), profile.page().items()),
                new Envelope.Meta(RequestContext.requestId(), profile.page().pagination()));
    }
}
