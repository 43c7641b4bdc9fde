package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The poller's schedule: the backoff from the poll-after age, when polling stops, what a look-up needs. */
class PaymentPollerTest {
    private static PaymentPoller poller() {
        PaymentPoller poller = new PaymentPoller();
        poller.afterSeconds = 180;
        poller.maxHours = 24;
        return poller;
    }

    private static AttemptPolls.Claim claim(PaymentProvider provider, String providerRef, Instant expiresAt) {
        return new AttemptPolls.Claim(UUID.randomUUID(), UUID.randomUUID(), provider, providerRef, null,
                new BigDecimal("6000.00"), "XOF", Instant.parse("2026-12-01T10:00:00Z"), expiresAt, 1);
    }

    @Test
    void theDelayDoublesFromThePollAfterAgeUpToAnHour() {
        PaymentPoller poller = poller();
        assertThat(poller.backoff(1)).isEqualTo(Duration.ofMinutes(3));
        assertThat(poller.backoff(2)).isEqualTo(Duration.ofMinutes(6));
        assertThat(poller.backoff(4)).isEqualTo(Duration.ofMinutes(24));
        assertThat(poller.backoff(6)).isEqualTo(Duration.ofHours(1));
        assertThat(poller.backoff(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void pollingStopsAfterTheExpiryOrAfterTheMaximumAge() {
        PaymentPoller poller = poller();
        Instant expires = Instant.parse("2026-12-01T10:30:00Z");
        assertThat(poller.deadline(claim(PaymentProvider.wave, "cos-1", expires))).isEqualTo(expires.plus(PaymentPoller.EXPIRY_GRACE));
        assertThat(poller.deadline(claim(PaymentProvider.orange, "o-1", null)))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void anMtnAttemptWithoutAnAnswerIsLookedUpByItsOwnIdOthersNeedTheProviderReference() {
        AttemptPolls.Claim mtn = claim(PaymentProvider.mtn, null, null);
        assertThat(mtn.ref().providerRef()).isEqualTo(mtn.attemptId().toString());
        assertThat(mtn.ref().amount()).isEqualByComparingTo("6000");
        assertThat(claim(PaymentProvider.wave, null, null).ref()).isNull();
        assertThat(claim(PaymentProvider.wave, "cos-2", null).ref().providerRef()).isEqualTo("cos-2");
    }
}
