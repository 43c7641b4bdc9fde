package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `not_found`. */
public class NotFoundException extends ApiException {
    public NotFoundException(String message) {
        super(ErrorCode.not_found, message, null);
    }

    public NotFoundException(String message, Map<String, ?> details) {
        super(ErrorCode.not_found, message, details);
    }
}
