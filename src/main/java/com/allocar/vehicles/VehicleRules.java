package com.allocar.vehicles;

import com.allocar.platform.errors.ValidationException;
import java.time.Clock;
import java.time.Year;

/** The limits on a vehicle's fields, shared by the request records (Bean Validation) and the service. */
public final class VehicleRules {
    public static final int NAME_MAX = 60;
    public static final int COLOR_MAX = 40;
    /** Before normalisation: the normal form is 4 to 12 characters ({@link PlateNumbers}). */
    public static final int PLATE_INPUT_MAX = 32;
    public static final int SEATS_MAX = 8;
    public static final int YEAR_MIN = 1950;
    public static final String COMFORT_LEVELS = "basic|standard|comfort";
    /** Some character that is not white space; written without Java-only syntax so the OpenAPI document can carry it. */
    public static final String NOT_BLANK = "[\\s\\S]*\\S[\\s\\S]*";
    public static final String VERIFIED_IS_ADMIN_ONLY = "is set by AlloCar once the vehicle's papers are checked";

    private VehicleRules() {
    }

    /** The latest model year accepted: next year (models of next year are sold from the summer before). */
    public static int maxYear(Clock clock) {
        return Year.now(clock).getValue() + 1;
    }

    /** {@code year} unless it lies outside 1950..next year (a validation_error on {@code year}); null stays null. */
    public static Integer year(Integer year, Clock clock) {
        int max = maxYear(clock);
        if (year != null && (year < YEAR_MIN || year > max)) {
            throw ValidationException.field("year", "must be between " + YEAR_MIN + " and " + max);
        }
        return year;
    }

    /** The comfort level named by {@code text}; the request records have already checked the name. */
    public static ComfortLevel comfort(String text, ComfortLevel fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return ComfortLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ValidationException.field("comfort_level", "must be one of basic, standard, comfort");
        }
    }

    /** A colour trimmed, or null when absent or empty. */
    public static String color(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
