package com.allocar.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per key (Bucket4j). A limit of N per minute refills N tokens every minute; a limit of 0 means
 * no limit. Buckets live in a bounded in-process cache and disappear once full again.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private ProxyManager<String> buckets;

    @PostConstruct
    void init() {
        buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(500_000))
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                .build();
    }

    /** Takes one token from the bucket {@code key} whose capacity is {@code perMinute}. */
    public Decision consume(String key, int perMinute) {
        if (perMinute <= 0) {
            return Decision.UNLIMITED;
        }
        ConsumptionProbe probe = buckets.builder()
                .build(key + "#" + perMinute, () -> BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, WINDOW))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        long resetSeconds = seconds(probe.getNanosToWaitForReset());
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(), resetSeconds,
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    /** The outcome of one request against one bucket, with what the X-RateLimit-* headers report. */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
        static final Decision UNLIMITED = new Decision(true, 0, 0, 0, 0);

        public boolean limited() {
            return limit > 0;
        }
    }
}
