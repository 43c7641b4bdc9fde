package com.allocar.vehicles;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /vehicles}. The plate is stored in its normal form (upper case, no spaces, dots or dashes);
 * {@code year} runs up to next year (checked by the service); {@code verified} belongs to the back office.
 */
public record CreateVehicleRequest(
        @NotBlank @Size(max = VehicleRules.NAME_MAX) @Schema(example = "Toyota") String make,
        @NotBlank @Size(max = VehicleRules.NAME_MAX) @Schema(example = "Corolla") String model,
        @Size(max = VehicleRules.COLOR_MAX) @Schema(example = "Gris") String color,
        @NotBlank @Size(max = VehicleRules.PLATE_INPUT_MAX)
        @Schema(example = "1234 AB 01", description = "4 to 12 letters and digits; spaces, dots and dashes are ignored")
        String plateNumber,
        @NotNull @Min(1) @Max(VehicleRules.SEATS_MAX)
        @Schema(description = "Passenger seats the vehicle can offer") Integer seatsTotal,
        @Pattern(regexp = VehicleRules.COMFORT_LEVELS, message = "must be one of basic, standard, comfort")
        @Schema(enumeration = {"basic", "standard", "comfort"}, defaultValue = "standard") String comfortLevel,
        @Min(VehicleRules.YEAR_MIN) @Schema(description = "1950 to next year") Integer year,
        @Null(message = VehicleRules.VERIFIED_IS_ADMIN_ONLY) @Schema(hidden = true) Boolean verified) {
}
