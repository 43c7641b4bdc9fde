package com.allocar.ratings;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed booking the caller may still rate: whom, in which role, until when. */
@Schema(name = "PendingRating")
public record PendingRatingView(
        UUID bookingId,
        UUID tripId,
        PublicRatingView.Author toUser,
        @Schema(description = "The role of the user to rate") RatingRole role,
        Instant completedAt,
        @Schema(description = "The rating window's end") Instant rateBefore) {
}
