package com.allocar.notifications;

import java.time.Duration;

/**
 * What happens after a failed attempt: exponential backoff (2 s after the first attempt, then 4 s, 8 s …,
 * at most 10 minutes), until the last allowed attempt or a permanent failure, which ends the message.
 */
public record RetryPolicy(int maxAttempts) {
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(10);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** The wait before the next attempt when {@code attempts} attempts have failed (attempts ≥ 1). */
    public static Duration backoff(int attempts) {
        if (attempts < 1) {
            return FIRST_DELAY;
        }
        if (attempts > 20) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << (attempts - 1));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Whether a message whose attempt number {@code attempts} just failed gets another one. */
    public boolean retries(int attempts, boolean permanentFailure) {
        return !permanentFailure && attempts < maxAttempts;
    }
}
