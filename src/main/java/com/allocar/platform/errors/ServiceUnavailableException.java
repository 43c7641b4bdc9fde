package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `service_unavailable`. */
public class ServiceUnavailableException extends ApiException {
    public ServiceUnavailableException(String message) {
        super(ErrorCode.service_unavailable, message, null);
    }

    public ServiceUnavailableException(String message, Map<String, ?> details) {
        super(ErrorCode.service_unavailable, message, details);
    }
}
