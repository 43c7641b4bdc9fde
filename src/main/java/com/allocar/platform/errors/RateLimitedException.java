package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code {@code rate_limited}, with the seconds to wait in Retry-After. */
public class RateLimitedException extends ApiException {
    private final long retryAfterSeconds;

    public RateLimitedException(String scope, long retryAfterSeconds) {
        super(ErrorCode.rate_limited, "Too many requests; retry in " + retryAfterSeconds + " s.",
                Map.of("scope", scope, "retry_after_seconds", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
