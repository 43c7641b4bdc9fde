package com.allocar.vehicles;

import com.allocar.platform.errors.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Registration plates in one written form, so that "ab-123-cd", "AB 123 CD" and "AB.123.CD" are the same plate
 * (and the same unique key): upper case, without spaces, dots or dashes, 4 to 12 letters and digits.
 */
public final class PlateNumbers {
    public static final String FIELD = "plate_number";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");
    private static final Pattern NORMAL = Pattern.compile("[A-Za-z0-9]{4,12}");

    private PlateNumbers() {
    }

    /** The normal form of {@code raw}, or a validation_error on {@code plate_number}. */
    public static String normalize(String raw) {
        if (raw == null) {
            throw ValidationException.field(FIELD, "must not be blank");
        }
        String plate = SEPARATORS.matcher(raw).replaceAll("");
        if (!NORMAL.matcher(plate).matches()) {
            throw ValidationException.field(FIELD,
                    "must be 4 to 12 letters (A-Z) and digits, optionally separated by spaces, dots or dashes");
        }
        return plate.toUpperCase(Locale.ROOT);
    }
}
