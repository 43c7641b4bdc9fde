package com.allocar.platform.web;

import com.allocar.platform.api.Envelope;
import com.allocar.platform.api.ErrorEnvelope;
import com.allocar.platform.errors.ErrorCode;
import com.allocar.platform.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds the error envelope; also written directly by servlet filters that answer before JAX-RS. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static ErrorEnvelope envelope(ErrorCode code, String message, Map<String, Object> details) {
        return new ErrorEnvelope(new ErrorEnvelope.Error(code.name(), message == null ? code.defaultMessage() : message,
                details == null ? Map.of() : details), new Envelope.Meta(RequestContext.requestId(), null));
    }

    public static void write(HttpServletResponse response, ErrorCode code, String message, Map<String, Object> details) {
        try {
            response.setStatus(code.status());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Json.write(envelope(code, message, details)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
