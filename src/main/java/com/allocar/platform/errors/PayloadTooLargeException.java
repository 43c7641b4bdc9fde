package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `payload_too_large`. */
public class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(String message) {
        super(ErrorCode.payload_too_large, message, null);
    }

    public PayloadTooLargeException(String message, Map<String, ?> details) {
        super(ErrorCode.payload_too_large, message, details);
    }
}
