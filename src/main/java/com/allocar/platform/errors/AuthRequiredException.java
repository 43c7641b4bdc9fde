package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `auth_required`. */
public class AuthRequiredException extends ApiException {
    public AuthRequiredException(String message) {
        super(ErrorCode.auth_required, message, null);
    }

    public AuthRequiredException(String message, Map<String, ?> details) {
        super(ErrorCode.auth_required, message, details);
    }
}
