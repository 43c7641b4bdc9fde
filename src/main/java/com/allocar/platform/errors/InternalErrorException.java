package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `internal_error`. */
public class InternalErrorException extends ApiException {
    public InternalErrorException(String message) {
        super(ErrorCode.internal_error, message, null);
    }

    public InternalErrorException(String message, Map<String, ?> details) {
        super(ErrorCode.internal_error, message, details);
    }
}
