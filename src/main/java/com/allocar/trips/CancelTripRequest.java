package com.allocar.trips;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /trips/{id}/cancel}: why, for the passengers (checked without surrounding white space). */
public record CancelTripRequest(
        @NotBlank @Size(min = 3, max = TripRules.NOTE_MAX) @Schema(example = "Panne du véhicule") String reason) {
    public CancelTripRequest {
        reason = reason == null ? null : reason.strip();
    }
}
