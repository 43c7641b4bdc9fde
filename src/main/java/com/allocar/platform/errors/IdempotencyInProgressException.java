package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `idempotency_in_progress`. */
public class IdempotencyInProgressException extends ApiException {
    public IdempotencyInProgressException(String message) {
        super(ErrorCode.idempotency_in_progress, message, null);
    }

    public IdempotencyInProgressException(String message, Map<String, ?> details) {
        super(ErrorCode.idempotency_in_progress, message, details);
    }
}
