package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `insufficient_funds`. */
public class InsufficientFundsException extends ApiException {
    public InsufficientFundsException(String message) {
        super(ErrorCode.insufficient_funds, message, null);
    }

    public InsufficientFundsException(String message, Map<String, ?> details) {
        super(ErrorCode.insufficient_funds, message, details);
    }
}
