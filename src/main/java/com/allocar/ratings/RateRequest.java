package com.allocar.ratings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /ratings}: a party of a completed booking rates the other party. */
@Schema(name = "RateRequest")
public record RateRequest(
        @NotNull UUID bookingId,
        @NotNull @Schema(description = "The other party: the driver when the passenger rates, the passenger when the "
                + "driver rates") UUID toUserId,
        @NotNull @Min(1) @Max(5) Integer stars,
        @Size(max = Ratings.MAX_COMMENT) @Schema(description = "Optional; blank means none; no control characters "
                + "other than line breaks") String comment,
        @Size(max = RatingTags.MAX) @Schema(description = "Distinct tags from the catalogue of the rated role "
                + "(docs/ratings.md)") List<@NotNull @Size(max = 40) String> tags) {
}
