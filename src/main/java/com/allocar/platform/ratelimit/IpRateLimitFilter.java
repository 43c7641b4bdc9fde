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
        String path = request.getRequestURI();
        int signIn = policy.signInPerMinute(request.getMethod(), path);
        RateLimiter.Decision decision = signIn > 0
                ? limiter.consume("signin:" + ip, signIn)
                : limiter.consume("ip:" + ip, policy.ipPerMinute(path));
        RateLimitHeaders.write(decision, response::setHeader);
        if (!decision.allowed()) {
            RateLimitedException refused = new RateLimitedException(signIn > 0 ? "sign_in" : "ip",
                    decision.retryAfterSeconds());
            ErrorResponses.write(response, refused.code(), refused.getMessage(), refused.details());
            return;
        }
        chain.doFilter(request, response);
    }
}
