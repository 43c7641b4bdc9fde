package com.allocar.ratings;

import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The visible ratings of a user, summed up in SQL: average (2 decimals, 0 when none), count, count per star. */
@Schema(name = "RatingSummary")
public record RatingSummary(
        BigDecimal average,
        long count,
        @Schema(description = "Count of ratings per number of stars, keys \"1\" to \"5\"") Map<String, Long> distribution) {
}
