package com.allocar.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Strict CORS (API-8): only the origins listed in {@code ALLOCAR_CORS_ORIGINS} (comma separated, exact
 * scheme://host[:port]) get CORS headers; no wildcard, so credentials stay safe.
 */
@ApplicationScoped
public class CorsPolicy {
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, Idempotency-Key, X-Request-ID, X-Device-Id";
    static final String EXPOSED_HEADERS = "X-Request-ID, Location, Retry-After, Idempotent-Replayed, "
            + "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset";

    @Inject
    @ConfigProperty(name = "ALLOCAR_CORS_ORIGINS", defaultValue = " ")
    String configuredOrigins;

    private Set<String> origins;

    @PostConstruct
    void init() {
        origins = Arrays.stream(configuredOrigins.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Adds the CORS headers an allowed origin gets. Returns true when the request was a preflight and has
     * been answered (204 for an allowed origin, 403 otherwise).
     */
    public boolean handle(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        response.addHeader("Vary", "Origin");
        boolean allowed = origins.contains(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
            response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (!preflight) {
            return false;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            ErrorResponses.write(response, com.allocar.platform.errors.ErrorCode.forbidden,
                    "Origin " + origin + " is not allowed.", java.util.Map.of());
        }
        return true;
    }
}
