package com.allocar.platform.ratelimit;

import com.allocar.platform.web.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which limits apply to which requests (API-7): every user and every client address has a budget per
 * minute; sign-in, sign-up and OTP routes have a stricter per-address budget; provider webhooks have a budget
 * of their own per address, generous because a provider sends all its notifications from few addresses, and
 * separate so that neither the apps' traffic nor a flood of forged notifications eats the other's.
 */
@ApplicationScoped
public class RateLimitPolicy {
    private static final Pattern SIGN_IN = Pattern.compile(
            "/api/v1/(auth/(login|register|otp/[^/]+|social/[^/]+|token/refresh)|admin/login)/?");

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_USER_PER_MIN", defaultValue = "60")
    int userPerMinute;

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_IP_PER_MIN", defaultValue = "300")
    int ipPerMinute;

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_AUTH_PER_MIN", defaultValue = "10")
    int signInPerMinute;

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_WEBHOOK_PER_MIN", defaultValue = "600")
    int webhookPerMinute;

    public int userPerMinute() {
        return userPerMinute;
    }

    /**
     * The per-address budget of a request: its bucket family and its size per minute. Without a sign-in budget, sign-in
     * routes count against the general one.
     */
    public Budget addressBudget(String method, String path) {
        if (signInPerMinute > 0 && "POST".equals(method) && SIGN_IN.matcher(path).matches()) {
            return new Budget("sign_in", "signin:", signInPerMinute);
        }
        if (Routes.isWebhook(path)) {
            return new Budget("webhook", "webhook:", webhookPerMinute);
        }
        return new Budget("ip", "ip:", ipPerMinute);
    }

    /** A per-address budget: {@code scope} as the 429 reports it, the bucket key's prefix, requests per minute. */
    public record Budget(String scope, String keyPrefix, int perMinute) {
    }
}
