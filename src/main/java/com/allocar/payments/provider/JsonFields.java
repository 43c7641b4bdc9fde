package com.allocar.payments.provider;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Lenient reading of provider JSON (JSON-P): absent, null or mistyped fields read as null. */
public final class JsonFields {
    private JsonFields() {
    }

    /** The JSON object in {@code text}, or null when it is not one. */
    public static JsonObject parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonStructure structure = reader.read();
            return structure instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * A string or number field as text, or null. A number with an extreme exponent is written in scientific notation
     * ({@code 1E+9000000}, not nine million zeros), so a hostile number costs nothing here.
     */
    public static String string(JsonObject object, String name) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber number) {
            BigDecimal decimal = number.bigDecimalValue();
            return Math.abs(decimal.scale()) <= 32 ? decimal.toPlainString() : decimal.toString();
        }
        return null;
    }

    public static JsonObject object(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value instanceof JsonObject found ? found : null;
    }

    public static JsonArray array(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        return value instanceof JsonArray found ? found : null;
    }

    /** A string or number amount as whole francs (see {@link Amounts#parse}), or null. */
    public static BigDecimal amount(JsonObject object, String name) {
        return Amounts.parse(string(object, name));
    }

    /** An ISO-8601 instant, or null. */
    public static Instant instant(JsonObject object, String name) {
        String text = string(object, name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code object} without the named top-level fields (secrets meant for the app only), as JSON text. */
    public static String without(JsonObject object, Set<String> names) {
        JsonObjectBuilder copy = Json.createObjectBuilder();
        object.forEach((name, value) -> {
            if (!names.contains(name)) {
                copy.add(name, value);
            }
        });
        return copy.build().toString();
    }
}
