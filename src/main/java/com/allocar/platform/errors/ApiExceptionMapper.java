package com.allocar.platform.errors;

import com.allocar.platform.web.ErrorResponses;
import com.allocar.platform.web.RequestContext;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a failure becomes an HTTP answer: catalogue exceptions keep their code, the
 * framework's own failures (unknown path, wrong method, malformed JSON, Bean Validation) get theirs, and
 * anything else is logged with its request id and answered 500 {@code internal_error} without internals.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            return respond(api.code(), api.getMessage(), api.details(), api.headers());
        }
        ApiException wrapped = wrappedApiException(failure);
        if (wrapped != null) {
            return of(wrapped);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return ApiExceptionMapper.of(ConstraintViolations.toValidationException(violations));
        }
        if (isConcurrentUpdate(failure)) {
            return respond(ErrorCode.conflict, "The resource was changed by someone else at the same time; "
                    + "read it again and retry.", Map.of("reason", "concurrent_update"), Map.of());
        }
        if (isMalformedBody(failure)) {
            return respond(ErrorCode.validation_error, "The request body is not valid JSON for this operation.",
                    Map.of("reason", "malformed_json"), Map.of());
        }
        if (failure instanceof jakarta.ws.rs.ForbiddenException && security.getUserPrincipal() == null) {
            // A role-protected route called without a token: the caller must sign in, not "is forbidden".
            return respond(ErrorCode.auth_required, null, Map.of(), Map.of());
        }
        if (failure instanceof WebApplicationException web) {
            return fromStatus(web);
        }
        LOG.log(Level.SEVERE, "Unhandled failure, request " + RequestContext.requestId(), failure);
        return respond(ErrorCode.internal_error, null, Map.of(), Map.of());
    }

    public static Response of(ApiException api) {
        return respond(api.code(), api.getMessage(), api.details(), api.headers());
    }

    private static Response fromStatus(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        ErrorCode code = ErrorCode.forStatus(status);
        if (code == ErrorCode.internal_error) {
            LOG.log(Level.SEVERE, "Server error, request " + RequestContext.requestId(), web);
        }
        Map<String, String> headers = Map.of();
        if (web instanceof NotAllowedException && web.getResponse().getHeaderString("Allow") != null) {
            headers = Map.of("Allow", web.getResponse().getHeaderString("Allow"));
        }
        return respond(code, null, Map.of(), headers);
    }

    /**
     * A catalogue exception that reached us as the cause of another, e.g. the body limit's refusal inside the
     * I/O failure that the JSON reader saw.
     */
    private static ApiException wrappedApiException(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null && t != failure; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** An optimistic-lock failure (a @Version clash), however the transaction layer wrapped it. */
    private static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t.getClass().getName().equals("org.hibernate.StaleObjectStateException")
                    || t.getClass().getName().equals("org.hibernate.StaleStateException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMalformedBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return true;
            }
            if (t instanceof ProcessingException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(ErrorCode code, String message, Map<String, Object> details,
                                    Map<String, String> headers) {
        Response.ResponseBuilder response = Response.status(code.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorResponses.envelope(code, message, details));
        headers.forEach(response::header);
        return response.build();
    }
}
