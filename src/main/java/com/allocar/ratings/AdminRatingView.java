package com.allocar.ratings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rating as moderators see it: blind or visible, with its comment even when hidden, and who hid it. */
@Schema(name = "AdminRating")
public record AdminRatingView(
        UUID id,
        UUID bookingId,
        UUID fromUserId,
        UUID toUserId,
        RatingRole role,
        int stars,
        String comment,
        List<String> tags,
        @Schema(description = "null while the rating is blind") Instant revealedAt,
        boolean commentHidden,
        String commentHiddenReason,
        UUID commentHiddenBy,
        Instant commentHiddenAt,
        Instant createdAt) {

    static AdminRatingView of(Rating rating) {
        return new AdminRatingView(rating.getId(), rating.getBookingId(), rating.getFromUserId(), rating.getToUserId(),
                rating.getRole(), rating.getStars(), rating.getComment(), rating.getTags(), rating.getRevealedAt(),
                rating.isCommentHidden(), rating.getCommentHiddenReason(), rating.getCommentHiddenBy(),
                rating.getCommentHiddenAt(), rating.getCreatedAt());
    }
}
