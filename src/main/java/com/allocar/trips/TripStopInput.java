package com.allocar.trips;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One stop of {@code POST /trips/{id}/stops} (or of {@code stops} in {@code POST /trips}), in driving order. Checked
 * by {@link TripRules#stops}, which names bad fields {@code stops[i].lat} and so on.
 */
public record TripStopInput(
        @Schema(required = true, example = "6.1300", description = "-90..90") Double lat,
        @Schema(required = true, example = "-4.8000", description = "-180..180") Double lon,
        @Schema(example = "Toumodi, gare routière", description = "The stop's name (or `text`)") String label,
        @Schema(description = "Accepted instead of label") String text,
        @Schema(defaultValue = "true") Boolean pickupAllowed,
        @Schema(defaultValue = "true") Boolean dropoffAllowed) {
}
