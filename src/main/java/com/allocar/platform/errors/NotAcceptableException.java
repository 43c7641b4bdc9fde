package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `not_acceptable`. */
public class NotAcceptableException extends ApiException {
    public NotAcceptableException(String message) {
        super(ErrorCode.not_acceptable, message, null);
    }

    public NotAcceptableException(String message, Map<String, ?> details) {
        super(ErrorCode.not_acceptable, message, details);
    }
}
