package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `idempotency_conflict`. */
public class IdempotencyConflictException extends ApiException {
    public IdempotencyConflictException(String message) {
        super(ErrorCode.idempotency_conflict, message, null);
    }

    public IdempotencyConflictException(String message, Map<String, ?> details) {
        super(ErrorCode.idempotency_conflict, message, details);
    }
}
