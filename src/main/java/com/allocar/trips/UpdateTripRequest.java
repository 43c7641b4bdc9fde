package com.allocar.trips;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /trips/{id}}: only the fields present change; an empty {@code luggage_policy} or {@code rules}
 * clears it. {@code seats_offered} sets the seats offered, {@code seats_available} the seats still free (the
 * offer becomes taken + available); neither may leave fewer seats than are taken. {@code version}, when given,
 * must be the trip's current version (else 409).
 */
public record UpdateTripRequest(
        @Valid TripPlaceChange origin,
        @Valid TripPlaceChange destination,
        Instant departureTime,
        @DecimalMin("0") @DecimalMax(TripRules.PRICE_MAX) @Digits(integer = 7, fraction = 2) BigDecimal pricePerSeat,
        @Min(1) @Max(TripRules.SEATS_MAX) Integer seatsOffered,
        @Min(0) @Max(TripRules.SEATS_MAX) Integer seatsAvailable,
        Boolean allowAutoAccept,
        @Size(max = TripRules.NOTE_MAX) String luggagePolicy,
        @Size(max = TripRules.NOTE_MAX) String rules,
        UUID vehicleId,
        @Pattern(regexp = TripRules.COMFORT_LEVELS, message = "must be one of basic, standard, comfort")
        @Schema(enumeration = {"basic", "standard", "comfort"}) String comfort,
        @Min(0) @Schema(description = "The version last read; a mismatch is 409 conflict") Long version) {

    /** Whether the route (points or time) changes. */
    boolean movesRoute() {
        return (origin != null && origin.movesPoint()) || (destination != null && destination.movesPoint());
    }
}
