package com.allocar.platform.ratelimit;

import java.util.function.BiConsumer;

/** Writes the X-RateLimit-* headers (and Retry-After when refused) of a decision. */
final class RateLimitHeaders {
    private RateLimitHeaders() {
    }

    static void write(RateLimiter.Decision decision, BiConsumer<String, String> header) {
        if (!decision.limited()) {
            return;
        }
        header.accept("X-RateLimit-Limit", Integer.toString(decision.limit()));
        header.accept("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        header.accept("X-RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            header.accept("Retry-After", Long.toString(decision.retryAfterSeconds()));
        }
    }
}
