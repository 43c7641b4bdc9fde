package com.allocar.ratings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A visible rating as anyone sees it on the rated user's profile. */
@Schema(name = "PublicRating")
public record PublicRatingView(
        UUID id,
        int stars,
        @Schema(description = "null when there is none or moderation hid it (comment_hidden)") String comment,
        boolean commentHidden,
        List<String> tags,
        @Schema(description = "The rated user's role in that ride") RatingRole role,
        Author author,
        Instant createdAt) {

    /** Who wrote it, as public profiles show people: first name and photo. */
    @Schema(name = "RatingAuthor")
    public record Author(UUID id, String firstName, String photoUrl) {
    }
}
