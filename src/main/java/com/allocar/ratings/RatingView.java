package com.allocar.ratings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rating as its author sees it, blind or not. */
@Schema(name = "Rating")
public record RatingView(
        UUID id,
        UUID bookingId,
        UUID toUserId,
        RatingRole role,
        int stars,
        String comment,
        List<String> tags,
        @Schema(enumeration = {"blind", "visible"}, description = "blind: seen by its author only, until the other "
                + "party rated too or the rating window closes (reveal_at)") String visibility,
        @Schema(description = "When a blind rating becomes visible at the latest (the rating window's end)")
        Instant revealAt,
        Instant revealedAt,
        Instant createdAt) {
}
