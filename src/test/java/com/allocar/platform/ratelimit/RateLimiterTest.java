package com.allocar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final RateLimiter limiter = new RateLimiter();

    RateLimiterTest() {
        limiter.init();
    }

    @Test
    void aBucketAllowsItsLimitThenRefusesWithRetryAfter() {
        String key = "ip:" + UUID.randomUUID();
        List<RateLimiter.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            decisions.add(limiter.consume(key, 3));
        }
        assertThat(decisions.subList(0, 3)).allMatch(RateLimiter.Decision::allowed);
        assertThat(decisions.get(0).remaining()).isEqualTo(2);
        assertThat(decisions.get(2).remaining()).isZero();
        RateLimiter.Decision refused = decisions.get(3);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(refused.resetSeconds()).isBetween(1L, 60L);
    }

    @Test
    void keysAreIndependent() {
        String a = "user:" + UUID.randomUUID();
        limiter.consume(a, 1);
        assertThat(limiter.consume(a, 1).allowed()).isFalse();
        assertThat(limiter.consume("user:" + UUID.randomUUID(), 1).allowed()).isTrue();
    }

    @Test
    void zeroMeansNoLimit() {
        String key = "ip:" + UUID.randomUUID();
        for (int i = 0; i < 1000; i++) {
            RateLimiter.Decision decision = limiter.consume(key, 0);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.limited()).isFalse();
        }
    }

    @Test
    void headersOnlyForLimitedDecisions() {
        List<String> names = new ArrayList<>();
        RateLimitHeaders.write(limiter.consume("k:" + UUID.randomUUID(), 0), (name, value) -> names.add(name));
        assertThat(names).isEmpty();
        RateLimitHeaders.write(limiter.consume("k:" + UUID.randomUUID(), 5), (name, value) -> names.add(name));
        assertThat(names).containsExactly("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");
    }

    @Test
    void policyClassifiesRoutes() {
        RateLimitPolicy policy = new RateLimitPolicy();
        policy.ipPerMinute = 300;
        policy.signInPerMinute = 10;
        policy.userPerMinute = 60;
        policy.webhookPerMinute = 600;
        assertThat(policy.addressBudget("POST", "/api/v1/auth/login").perMinute()).isEqualTo(10);
        assertThat(policy.addressBudget("POST", "/api/v1/auth/otp/verify").scope()).isEqualTo("sign_in");
        assertThat(policy.addressBudget("POST", "/api/v1/admin/login").perMinute()).isEqualTo(10);
        assertThat(policy.addressBudget("GET", "/api/v1/auth/jwks").scope()).isEqualTo("ip");
        assertThat(policy.addressBudget("POST", "/api/v1/bookings").perMinute()).isEqualTo(300);
        assertThat(policy.addressBudget("POST", "/api/v1/payments/webhook/wave"))
                .isEqualTo(new RateLimitPolicy.Budget("webhook", "webhook:", 600));
        assertThat(policy.addressBudget("PUT", "/api/v1/payments/webhook/mtn/").scope()).isEqualTo("webhook");
        assertThat(policy.addressBudget("POST", "/api/v1/payments/webhook").scope()).isEqualTo("ip");
        assertThat(policy.addressBudget("POST", "/api/v1/payments/init").perMinute()).isEqualTo(300);
        policy.signInPerMinute = 0;
        assertThat(policy.addressBudget("POST", "/api/v1/auth/login").scope()).isEqualTo("ip");
    }
}
