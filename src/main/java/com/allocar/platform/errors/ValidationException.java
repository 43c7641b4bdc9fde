package com.allocar.platform.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/** Catalogue code {@code validation_error}; {@code details.fields} maps each bad field to what is wrong. */
public class ValidationException extends ApiException {
    public ValidationException(String message, Map<String, ?> details) {
        super(ErrorCode.validation_error, message, details);
    }

    public static ValidationException field(String field, String problem) {
        return fields(Map.of(field, problem));
    }

    public static ValidationException fields(Map<String, String> problems) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fields", new LinkedHashMap<>(problems));
        return new ValidationException("The request is not valid.", details);
    }
}
