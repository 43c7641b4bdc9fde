package com.allocar.platform.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Base of the exceptions that become an error envelope. One subclass per catalogue code. */
public abstract class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, Object> details;

    protected ApiException(ErrorCode code, String message, Map<String, ?> details) {
        super(message == null ? code.defaultMessage() : message);
        this.code = code;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** Extra response headers (Retry-After, Allow…). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
