package com.allocar.platform.ratelimit;

import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.web.ErrorResponses;
import com.allocar.platform.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Per-address budgets, checked before anything else runs (so scans of unknown paths count too). The
 * per-user budget needs the verified token and lives in {@link UserRateLimitFilter}.
 */
public class IpRateLimitFilter extends HttpFilter {
    @Inject
    RateLimiter limiter;
    @Inject
    RateLimitPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String ip = (String) request.getAttribute(RequestAttributes.CLIENT_IP);
        RateLimitPolicy.Budget budget = policy.addressBudget(request.getMethod(), request.getRequestURI());
        RateLimiter.Decision decision = limiter.consume(budget.keyPrefix() + ip, budget.perMinute());
        RateLimitHeaders.write(decision, response::setHeader);
        if (!decision.allowed()) {
            RateLimitedException refused = new RateLimitedException(budget.scope(), decision.retryAfterSeconds());
            ErrorResponses.write(response, refused.code(), refused.getMessage(), refused.details());
            return;
        }
        chain.doFilter(request, response);
    }
}
