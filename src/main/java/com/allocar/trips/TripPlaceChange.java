package com.allocar.trips;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A change of origin or destination in {@code PATCH /trips/{id}}: a new position ({@code lat} and {@code lon}
 * together), a new name, or both.
 */
public record TripPlaceChange(
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Size(min = 1, max = TripRules.TEXT_MAX) @Pattern(regexp = TripRules.NOT_BLANK, message = "must not be blank")
        @Schema(example = "Abidjan, Cocody") String text) {

    boolean movesPoint() {
        return lat != null || lon != null;
    }
}
