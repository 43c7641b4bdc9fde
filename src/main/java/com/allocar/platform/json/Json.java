package com.allocar.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

/**
 * The one JSON-B configuration of the API: snake_case names, nulls left out, ISO-8601 instants, numbers read within
 * the bounds of {@link JsonNumbers}.
 */
public final class Json {
    public static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(false)
            .withDeserializers(new JsonNumbers.Decimals(), new JsonNumbers.Integers(), new JsonNumbers.Longs()));

    private Json() {
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }
}
