package com.allocar.realtime;

import com.allocar.platform.errors.ValidationException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A frame a client sent: one JSON object with a string {@code type}. The getters check each member's type and answer
 * 400-style {@link ValidationException}s with the member's name in {@code details.fields}, which the socket turns into
 * an {@code error} frame (the socket stays open).
 */
public final class ClientFrame {
    private final JsonObject json;

    private ClientFrame(JsonObject json) {
        this.json = json;
    }

    /** Parses a text frame; {@code validation_error} ({@code reason: malformed_json}, or {@code fields.type}). */
    public static ClientFrame parse(String text) {
        JsonObject object;
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("A frame is one JSON object.");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw malformed("A frame is one JSON object: " + e.getMessage());
        }
        ClientFrame frame = new ClientFrame(object);
        if (frame.string("type").isEmpty()) {
            throw ValidationException.field("type", "must be given: a frame has a type");
        }
        return frame;
    }

    private static ValidationException malformed(String message) {
        return new ValidationException(message, Map.of("reason", "malformed_json"));
    }

    public String type() {
        return json.getString("type");
    }

    /** The client's correlation id, echoed in the answer; at most 64 characters, else left out. */
    public String clientId() {
        JsonValue value = json.get("client_id");
        if (value instanceof JsonString text && text.getString().length() <= 64) {
            return text.getString();
        }
        return null;
    }

    public boolean has(String name) {
        JsonValue value = json.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    public Optional<String> string(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(json.get(name) instanceof JsonString text)) {
            throw ValidationException.field(name, "must be a string");
        }
        return Optional.of(text.getString());
    }

    public Optional<UUID> uuid(String name) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.get()));
        } catch (IllegalArgumentException e) {
            throw ValidationException.field(name, "must be an id");
        }
    }

    public UUID requiredUuid(String name) {
        return uuid(name).orElseThrow(() -> ValidationException.field(name, "must be given"));
    }

    /** A finite number, or empty when absent or null. */
    public Optional<Double> number(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        if (!(json.get(name) instanceof JsonNumber number)) {
            throw ValidationException.field(name, "must be a number");
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw ValidationException.field(name, "must be a finite number");
        }
        return Optional.of(value);
    }

    public double requiredNumber(String name) {
        return number(name).orElseThrow(() -> ValidationException.field(name, "must be given"));
    }

    /** An ISO-8601 instant ({@code 2026-05-12T07:30:00Z}, or with an offset), or empty. */
    public Optional<Instant> instant(String name) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw ValidationException.field(name, "must be an ISO-8601 date-time with its offset (…Z)");
        }
    }
}
