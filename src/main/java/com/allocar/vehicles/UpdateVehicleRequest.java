package com.allocar.vehicles;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /vehicles/{id}}: only the fields present change (absent or null: unchanged); an empty
 * {@code color} clears it. Changing make, model or plate makes a verified vehicle unverified again.
 */
public record UpdateVehicleRequest(
        @Size(min = 1, max = VehicleRules.NAME_MAX) @Pattern(regexp = VehicleRules.NOT_BLANK, message = "must not be blank")
        String make,
        @Size(min = 1, max = VehicleRules.NAME_MAX) @Pattern(regexp = VehicleRules.NOT_BLANK, message = "must not be blank")
        String model,
        @Size(max = VehicleRules.COLOR_MAX) @Schema(description = "An empty string clears the colour") String color,
        @Size(min = 1, max = VehicleRules.PLATE_INPUT_MAX)
        @Schema(description = "4 to 12 letters and digits; spaces, dots and dashes are ignored") String plateNumber,
        @Min(1) @Max(VehicleRules.SEATS_MAX) Integer seatsTotal,
        @Pattern(regexp = VehicleRules.COMFORT_LEVELS, message = "must be one of basic, standard, comfort")
        @Schema(enumeration = {"basic", "standard", "comfort"}) String comfortLevel,
        @Min(VehicleRules.YEAR_MIN) @Schema(description = "1950 to next year") Integer year,
        @Null(message = VehicleRules.VERIFIED_IS_ADMIN_ONLY) @Schema(hidden = true) Boolean verified) {
}
