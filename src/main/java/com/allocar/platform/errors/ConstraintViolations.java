package com.allocar.platform.errors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Map;
import java.util.TreeMap;

/** Turns Bean Validation failures into {@code validation_error} with {@code details.fields}. */
public final class ConstraintViolations {
    private ConstraintViolations() {
    }

    public static ValidationException toValidationException(ConstraintViolationException violations) {
        Map<String, String> fields = new TreeMap<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            fields.merge(fieldName(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return ValidationException.fields(fields);
    }

    /** The JSON name of the bad field: the path below the method parameter, in snake_case. */
    static String fieldName(Path path) {
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(snakeCase(node.getName()));
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        if (name.isEmpty()) {
            return parameter == null ? "body" : snakeCase(parameter);
        }
        return name.toString();
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
