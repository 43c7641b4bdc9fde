package com.allocar.trips;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /trips} (TRIP-1; the body of example 13.1 of the specification works as is). {@code seats_available}
 * is the number of seats offered ({@code seats_offered} is accepted too). Without {@code vehicle_id} the driver's
 * only vehicle is used; without {@code comfort} the vehicle's. Without {@code status: "draft"} the trip is published
 * at once, which needs an approved KYC while the setting {@code require_kyc_for_driver} is on.
 */
public record CreateTripRequest(
        @NotNull @Valid TripPlace origin,
        @NotNull @Valid TripPlace destination,
        @NotNull @Schema(example = "2026-12-02T08:30:00Z", description = "At least 15 minutes ahead") Instant departureTime,
        @NotNull @DecimalMin("0") @DecimalMax(TripRules.PRICE_MAX) @Digits(integer = 7, fraction = 2)
        @Schema(example = "6000", description = "XOF, whole francs; within the floor and ceiling of a popular axis")
        BigDecimal pricePerSeat,
        @Min(1) @Max(TripRules.SEATS_MAX) @Schema(example = "3", description = "Seats offered") Integer seatsAvailable,
        @Min(1) @Max(TripRules.SEATS_MAX) @Schema(description = "Same as seats_available") Integer seatsOffered,
        @Schema(defaultValue = "false") Boolean allowAutoAccept,
        @Size(max = TripRules.NOTE_MAX) @Schema(example = "1 valise cabine") String luggagePolicy,
        @Size(max = TripRules.NOTE_MAX) @Schema(example = "Non-fumeur") String rules,
        @Schema(description = "One of my vehicles; optional when I have exactly one") UUID vehicleId,
        @Pattern(regexp = TripRules.COMFORT_LEVELS, message = "must be one of basic, standard, comfort")
        @Schema(enumeration = {"basic", "standard", "comfort"}, description = "Defaults to the vehicle's") String comfort,
        @Schema(description = "Intermediate stops in driving order (at most 8)") List<TripStopInput> stops,
        @Pattern(regexp = "draft|published", message = "must be draft or published")
        @Schema(enumeration = {"draft", "published"}, defaultValue = "published") String status) {
}
