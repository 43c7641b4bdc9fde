package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `forbidden`. */
public class ForbiddenException extends ApiException {
    public ForbiddenException(String message) {
        super(ErrorCode.forbidden, message, null);
    }

    public ForbiddenException(String message, Map<String, ?> details) {
        super(ErrorCode.forbidden, message, details);
    }
}
