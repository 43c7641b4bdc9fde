package com.allocar.platform.errors;

/** Catalogue code {@code method_not_allowed}. */
public class MethodNotAllowedException extends ApiException {
    public MethodNotAllowedException(String message) {
        super(ErrorCode.method_not_allowed, message, null);
    }
}
