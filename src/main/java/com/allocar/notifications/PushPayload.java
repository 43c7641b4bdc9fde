package com.allocar.notifications;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A push row's payload as {@link NoticeDispatcher} writes it: the message's data, and the SMS to fall back to. */
record PushPayload(Map<String, String> data, Optional<Fallback> fallback) {

    /** The SMS of a critical notification, for when no push arrives. */
    record Fallback(String to, String text) {
    }

    static PushPayload parse(String json) {
        if (json == null || json.isBlank()) {
            return new PushPayload(Map.of(), Optional.empty());
        }
        JsonObject payload;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            payload = reader.readObject();
        } catch (RuntimeException e) {
            return new PushPayload(Map.of(), Optional.empty());
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (payload.get(NoticeDispatcher.DATA) instanceof JsonObject values) {
            for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
                data.put(entry.getKey(), entry.getValue() instanceof JsonString text ? text.getString()
                        : entry.getValue().toString());
            }
        }
        Optional<Fallback> fallback = Optional.empty();
        if (payload.get(NoticeDispatcher.FALLBACK) instanceof JsonObject sms
                && sms.get("to") instanceof JsonString to && sms.get("text") instanceof JsonString text) {
            fallback = Optional.of(new Fallback(to.getString(), text.getString()));
        }
        return new PushPayload(data, fallback);
    }
}
