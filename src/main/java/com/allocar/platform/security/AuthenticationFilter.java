package com.allocar.platform.security;

import com.allocar.platform.errors.ApiExceptionMapper;
import com.allocar.platform.errors.AuthRequiredException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
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
import java.text.ParseException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 401 {@code auth_required}, in the error envelope, before any role check runs:
 * <ul>
 * <li>when a role-protected route is called without a token (the server's own challenge has no body), or with an
 * {@code Authorization} header that did not verify;</li>
 * <li>when a token that claims to be ours (one of our key ids, or our issuer) did not verify (bad signature,
 * expired, {@code alg: none}, other audience), even on a public route: silently treating the caller as anonymous
 * would hide the client's problem (an app would not learn to refresh);</li>
 * <li>when the token is valid but its account was suspended or its session revoked since it was issued.</li>
 * </ul>
 * Any other {@code Authorization} header (not a JWT, or somebody else's) on a public route is none of our business:
 * the request is served as anonymous. Routes marked {@link ProviderAuthenticated} (webhooks) are never checked
 * here: their {@code Authorization} header is the provider's proof, for the route's verifier.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletResponse servletResponse;

    @Inject
    Caller caller;

    @Inject
    SessionCheck sessions;

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "ALLOCAR_JWT_ISSUER", defaultValue = "https://api.allocar.ci")
    String issuer;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> resource = resourceInfo.getResourceClass();
        if (method != null && (method.isAnnotationPresent(ProviderAuthenticated.class)
                || resource.isAnnotationPresent(ProviderAuthenticated.class))) {
            withdrawChallenge();
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() != null) {
            UUID subject = UUID.fromString(request.getSecurityContext().getUserPrincipal().getName());
            if (!sessions.active(caller.isAdmin(), subject, caller.sessionId().orElse(null))) {
                refuse(request, "This session has ended or the account is suspended.", "invalid_token");
            }
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean required = requiresAuthentication(method, resource);
        if (authorization != null && (required || claimsToBeOurs(authorization))) {
            refuse(request, "The access token is invalid or expired.", "invalid_token");
        } else if (required) {
            refuse(request, "This operation needs an access token.", null);
        } else if (authorization != null) {
            withdrawChallenge();
        }
    }

    /**
     * MicroProfile JWT has already put its {@code WWW-Authenticate: … invalid_token} challenge on the response of a
     * request whose bearer it could not verify; when that bearer is none of ours to judge, the answer carries none.
     */
    private void withdrawChallenge() {
        if (servletResponse != null && servletResponse.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            servletResponse.setHeader(HttpHeaders.WWW_AUTHENTICATE, null);
        }
    }

    /** A bearer JWT naming one of our keys or our issuer (read without trusting it: only to word the refusal). */
    boolean claimsToBeOurs(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            JWT token = JWTParser.parse(authorization.substring(7).strip());
            String kid = token.getHeader() instanceof JWSHeader signed ? signed.getKeyID() : null;
            return (kid != null && keys.publicKeys().getKeyByKeyId(kid) != null)
                    || issuer.equals(token.getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException notAJwt) {
            // untrusted text: whatever does not parse is not a token of ours
            return false;
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
