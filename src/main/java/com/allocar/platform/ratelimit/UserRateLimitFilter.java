package com.allocar.platform.ratelimit;

import com.allocar.platform.errors.ApiExceptionMapper;
import com.allocar.platform.errors.RateLimitedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/** The per-user budget: keyed by the verified token's subject, so a user keeps it across addresses. */
@Provider
@Priority(Priorities.AUTHORIZATION - 10)
public class UserRateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String DECISION = UserRateLimitFilter.class.getName();

    @Inject
    RateLimiter limiter;
    @Inject
    RateLimitPolicy policy;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller == null) {
            return;
        }
        RateLimiter.Decision decision = limiter.consume("user:" + caller.getName(), policy.userPerMinute());
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            request.abortWith(ApiExceptionMapper.of(new RateLimitedException("user", decision.retryAfterSeconds())));
        }
    }

    /** An authenticated caller sees the budget of their account, not of their address. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            RateLimitHeaders.write(decision, (name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
