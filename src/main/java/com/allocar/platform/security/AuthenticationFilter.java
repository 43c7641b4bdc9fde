package com.allocar.platform.security;

import com.allocar.platform.errors.ApiExceptionMapper;
import com.allocar.platform.errors.AuthRequiredException;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Answers 401 {@code auth_required}, in the error envelope, before any role check runs:
 * <ul>
 * <li>when a bearer token was presented but did not verify (bad signature, expired, other issuer,
 * {@code alg: none}), even on a public route: silently treating the caller as anonymous would hide the
 * client's problem;</li>
 * <li>when a role-protected route is called without a token (the server's own challenge has no body);</li>
 * <li>when the token is valid but its account was suspended or its session revoked since it was issued.</li>
 * </ul>
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resourceInfo;

    @Inject
    Caller caller;

    @Inject
    SessionCheck sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null) {
            UUID subject = UUID.fromString(request.getSecurityContext().getUserPrincipal().getName());
            if (!sessions.active(caller.isAdmin(), subject, caller.sessionId().orElse(null))) {
                refuse(request, "This session has ended or the account is suspended.", "invalid_token");
            }
            return;
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            refuse(request, "The access token is invalid or expired.", "invalid_token");
        } else if (requiresAuthentication(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass())) {
            refuse(request, "This operation needs an access token.", null);
        }
    }

    static boolean requiresAuthentication(Method method, Class<?> resource) {
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        if (method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(DenyAll.class)) {
            return true;
        }
        return resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(DenyAll.class);
    }

    private static void refuse(ContainerRequestContext request, String message, String error) {
        Response refused = ApiExceptionMapper.of(new AuthRequiredException(message));
        request.abortWith(Response.fromResponse(refused)
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"allocar\"" + (error == null ? "" : ", error=\"" + error + "\""))
                .build());
    }
}
