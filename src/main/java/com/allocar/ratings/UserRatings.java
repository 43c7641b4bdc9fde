package com.allocar.ratings;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /users/{id}/ratings}: the summary and one page of the visible ratings, newest first. */
@Schema(name = "UserRatings")
public record UserRatings(RatingSummary summary, List<PublicRatingView> ratings) {
}
