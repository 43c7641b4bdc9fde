package com.allocar.alerts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /me/alerts}: where from, where to, how far around each, which days, how many seats. */
@Schema(name = "AlertRequest")
public record AlertRequest(
        @NotNull @Valid Place from,
        @NotNull @Valid Place to,
        @Min(1) @Max(100) @Schema(defaultValue = "25", description = "Around each place, 1..100 km") Integer radiusKm,
        @NotNull @Schema(example = "2026-12-20", description = "First day of departure (UTC)") LocalDate dateFrom,
        @NotNull @Schema(example = "2026-12-24", description = "Last day, at most 90 days after date_from") LocalDate dateTo,
        @Min(1) @Max(8) @Schema(defaultValue = "1") Integer seats) {

    /** A place: its point, and a label shown back to the user. */
    @Schema(name = "AlertPlace")
    public record Place(
            @NotNull @Min(-90) @Max(90) @Schema(example = "5.3575") Double lat,
            @NotNull @Min(-180) @Max(180) @Schema(example = "-4.0083") Double lon,
            @Size(max = 200) @Schema(example = "Abidjan, Plateau") String label) {
    }
}
