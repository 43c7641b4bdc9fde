package com.allocar.platform.api;

import java.util.Map;

/** The error envelope of API-4: {@code {"error": {"code", "message", "details"}, "meta": {"request_id"}}}. */
public record ErrorEnvelope(Error error, Envelope.Meta meta) {

    public record Error(String code, String message, Map<String, Object> details) {
    }
}
