package com.allocar.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTwoSeconds() {
        assertThat(RetryPolicy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryPolicy.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryPolicy.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryPolicy.backoff(7)).isEqualTo(Duration.ofSeconds(128));
        assertThat(RetryPolicy.backoff(9)).isEqualTo(Duration.ofSeconds(512));
    }

    @Test
    void backoffIsCappedAtTenMinutesWithoutOverflow() {
        assertThat(RetryPolicy.backoff(10)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryPolicy.backoff(63)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryPolicy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
        assertThat(RetryPolicy.backoff(0)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retriesUntilTheLastAttemptUnlessTheFailureIsPermanent() {
        RetryPolicy policy = new RetryPolicy(8);
        assertThat(policy.retries(1, false)).isTrue();
        assertThat(policy.retries(7, false)).isTrue();
        assertThat(policy.retries(8, false)).isFalse();
        assertThat(policy.retries(9, false)).as("a reclaimed last attempt").isFalse();
        assertThat(policy.retries(1, true)).isFalse();
    }

    @Test
    void atLeastOneAttempt() {
        assertThat(new RetryPolicy(1).retries(1, false)).isFalse();
        assertThatThrownBy(() -> new RetryPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
