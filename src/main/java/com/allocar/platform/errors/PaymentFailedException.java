package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `payment_failed`. */
public class PaymentFailedException extends ApiException {
    public PaymentFailedException(String message) {
        super(ErrorCode.payment_failed, message, null);
    }

    public PaymentFailedException(String message, Map<String, ?> details) {
        super(ErrorCode.payment_failed, message, details);
    }
}
