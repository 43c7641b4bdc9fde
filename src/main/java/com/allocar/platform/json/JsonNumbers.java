package com.allocar.platform.json;

import com.allocar.platform.errors.ValidationException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/**
 * Bounds on the numbers the API reads (VAL-1, API-7), applied while JSON-B reads a body, before Bean Validation or
 * any arithmetic. Measured with the JSON-B of the server (Yasson 3, Parsson 1.1): a 1 MiB run of digits read into a
 * {@code BigDecimal} cost 16 s of CPU (decimal text to binary is quadratic; Parsson's own 1,100-character limit is
 * bypassed for typed properties), {@code 1e9000000} reads cheaply but every later {@code setScale} or sum builds a
 * number of nine million digits, and integers silently wrap ({@code 4294967297} read as 1, {@code 1.9} as 1). No
 * amount, count or rating of ours needs more than {@link #MAX_CHARS} characters or a scale beyond
 * ±{@link #MAX_SCALE}; anything else is 400 {@code validation_error} at once.
 */
public final class JsonNumbers {
    public static final int MAX_CHARS = 40;
    public static final int MAX_SCALE = 20;

    private JsonNumbers() {
    }

    /** Whether a number already read (e.g. a {@code JsonNumber} of a setting) is within the bounds. */
    public static boolean bounded(BigDecimal value) {
        return value.scale() >= -MAX_SCALE && value.scale() <= MAX_SCALE && value.precision() <= MAX_CHARS;
    }

    /** What {@link #bounded} requires, for error messages. */
    public static String bounds() {
        return "numbers may have at most " + MAX_CHARS + " digits, at most " + MAX_SCALE
                + " decimals and an exponent of at most " + MAX_SCALE;
    }

    /** The number at the parser (a JSON number or a string holding one) within the bounds, null for null, or a 400. */
    static BigDecimal decimal(JsonParser parser) {
        // Yasson's parser here knows no currentEvent(); the value at the parser tells null, number and string apart.
        // Parsson reads a JSON number of at most 1,100 characters (else it fails), which costs microseconds.
        JsonValue json = parser.getValue();
        BigDecimal value;
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        } else if (json instanceof JsonNumber number) {
            value = number.bigDecimalValue();
        } else if (json instanceof JsonString string && string.getString().length() <= MAX_CHARS) {
            try {
                value = new BigDecimal(string.getString().strip());
            } catch (NumberFormatException e) {
                throw refused();
            }
        } else {
            throw refused();
        }
        if (!bounded(value)) {
            throw refused();
        }
        return value;
    }

    private static ValidationException refused() {
        return new ValidationException("A number in the body is malformed or out of range: " + bounds() + ".",
                Map.of("reason", "number_out_of_range"));
    }

    private static ValidationException notWhole(String type) {
        return new ValidationException("A number in the body must be a whole number that fits " + type + ".",
                Map.of("reason", "number_out_of_range"));
    }

    /** JSON-B reads every {@code BigDecimal} property through this. */
    public static final class Decimals implements JsonbDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return decimal(parser);
        }
    }

    /** Whole-number properties: read exactly, never wrapped or truncated. */
    private abstract static class Whole<T> implements JsonbDeserializer<T> {
        private final Function<BigDecimal, T> exact;
        private final String fits;

        Whole(Function<BigDecimal, T> exact, String fits) {
            this.exact = exact;
            this.fits = fits;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context, Type type) {
            BigDecimal value = decimal(parser);
            try {
                return value == null ? null : exact.apply(value);
            } catch (ArithmeticException e) {
                throw notWhole(fits);
            }
        }
    }

    /** {@code Integer} properties. */
    public static final class Integers extends Whole<Integer> {
        public Integers() {
            super(BigDecimal::intValueExact, "32 bits");
        }
    }

    /** {@code Long} properties. */
    public static final class Longs extends Whole<Long> {
        public Longs() {
            super(BigDecimal::longValueExact, "64 bits");
        }
    }
}
