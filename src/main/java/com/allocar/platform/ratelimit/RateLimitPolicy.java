package com.allocar.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which limits apply to which requests (API-7): every user and every client address has a budget per
 * minute; sign-in, sign-up and OTP routes have a stricter per-address budget; provider webhooks are exempt
 * from the per-address budget (providers send from few addresses, and their calls are signed).
 */
@ApplicationScoped
public class RateLimitPolicy {
    private static final Pattern SIGN_IN = Pattern.compile(
            "/api/v1/(auth/(login|register|otp/[^/]+|social/[^/]+|token/refresh)|admin/login)/?");
    private static final Pattern WEBHOOK = Pattern.compile("/api/v1/payments/webhook/[^/]+/?");

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_USER_PER_MIN", defaultValue = "60")
    int userPerMinute;

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_IP_PER_MIN", defaultValue = "300")
    int ipPerMinute;

    @Inject
    @ConfigProperty(name = "ALLOCAR_RATE_LIMIT_AUTH_PER_MIN", defaultValue = "10")
    int signInPerMinute;

    public int userPerMinute() {
        return userPerMinute;
    }

    public int ipPerMinute(String path) {
        return WEBHOOK.matcher(path).matches() ? 0 : ipPerMinute;
    }

    /** The stricter budget of sign-in routes, or 0 when the path is not one. */
    public int signInPerMinute(String method, String path) {
        return "POST".equals(method) && SIGN_IN.matcher(path).matches() ? signInPerMinute : 0;
    }
}
