package com.allocar.platform.json;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes JAX-RS read and write JSON with {@link Json#JSONB}. */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {
    @Override
    public Jsonb getContext(Class<?> type) {
        return Json.JSONB;
    }
}
