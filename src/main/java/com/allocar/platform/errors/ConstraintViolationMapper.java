package com.allocar.platform.errors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures as {@code validation_error}. Its own mapper only because the JAX-RS runtime
 * ships a mapper for exactly this type that would otherwise win over {@link ApiExceptionMapper}.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException violations) {
        return ApiExceptionMapper.of(ConstraintViolations.toValidationException(violations));
    }
}
