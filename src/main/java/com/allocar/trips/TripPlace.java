package com.allocar.trips;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A trip's origin or destination in {@code POST /trips}: WGS84 position and the name people know it by. */
public record TripPlace(
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(example = "5.3575") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(example = "-4.0083") Double lon,
        @NotNull @Size(min = 1, max = TripRules.TEXT_MAX) @Pattern(regexp = TripRules.NOT_BLANK, message = "must not be blank")
        @Schema(example = "Abidjan, Plateau") String text) {
}
