package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `conflict`. */
public class ConflictException extends ApiException {
    public ConflictException(String message) {
        super(ErrorCode.conflict, message, null);
    }

    public ConflictException(String message, Map<String, ?> details) {
        super(ErrorCode.conflict, message, details);
    }
}
