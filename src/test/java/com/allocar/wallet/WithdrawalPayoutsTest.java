package com.allocar.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.wallet.PayoutCall.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How a provider's answer decides a withdrawal's next state, and the retry delays; no server. */
class WithdrawalPayoutsTest {
    private static final UUID ID = UUID.randomUUID();

    /** A payout gateway answering what the test says, recording what it was asked. */
    private static final class FakeGateway implements PayoutGateway {
        final List<PayoutRequest> sent = new ArrayList<>();
        final List<String> lookedUp = new ArrayList<>();
        final List<String> searched = new ArrayList<>();
        Supplier<PayoutResult> answer;
        Supplier<Optional<PayoutResult>> found = Optional::empty;

        public PayoutProvider payoutProvider() {
            return PayoutProvider.wave;
        }

        public boolean available() {
            return true;
        }

        public PayoutResult send(PayoutRequest request) {
            sent.add(request);
            return answer.get();
        }

        public PayoutResult lookUpPayout(String providerPayoutId) {
            lookedUp.add(providerPayoutId);
            return answer.get();
        }

        public Optional<PayoutResult> findPayout(String clientReference) {
            searched.add(clientReference);
            return found.get();
        }
    }

    private final FakeGateway gateway = new FakeGateway();
    private final WithdrawalPayouts payouts = new WithdrawalPayouts();

    WithdrawalPayoutsTest() {
        payouts.gateways = provider -> provider == PayoutProvider.wave ? Optional.of(gateway) : Optional.empty();
        payouts.retrySeconds = 60;
    }

    private static WithdrawalRecords.Claim claim(String providerRef) {
        return claim(providerRef, 1);
    }

    private static WithdrawalRecords.Claim claim(String providerRef, int attempt) {
        return new WithdrawalRecords.Claim(ID, UUID.randomUUID(), new BigDecimal("5000"), PayoutProvider.wave,
                "+2250701234567", providerRef, attempt);
    }

    private static PayoutResult result(PayoutResult.Status status, String reason) {
        return new PayoutResult("pt-1", status, new BigDecimal("5000"), BigDecimal.ZERO, reason, "{}");
    }

    @Test
    void aFirstAttemptSendsWithTheWithdrawalIdAsIdempotencyKey() {
        gateway.answer = () -> result(PayoutResult.Status.succeeded, null);
        assertThat(payouts.call(claim(null))).isEqualTo(new Outcome(Outcome.Kind.done, "pt-1", null));
        assertThat(gateway.sent).singleElement().satisfies(request -> {
            assertThat(request.idempotencyKey()).isEqualTo(ID.toString());
            assertThat(request.amount()).isEqualByComparingTo("5000");
            assertThat(request.mobile()).isEqualTo("+2250701234567");
        });
        assertThat(gateway.lookedUp).isEmpty();
    }

    @Test
    void aKnownPayoutIsLookedUpNotSentAgain() {
        gateway.answer = () -> result(PayoutResult.Status.succeeded, null);
        assertThat(payouts.call(claim("pt-1")).kind()).isEqualTo(Outcome.Kind.done);
        assertThat(gateway.lookedUp).containsExactly("pt-1");
        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void failedAndReversedPayoutsFailWithTheProvidersReason() {
        gateway.answer = () -> result(PayoutResult.Status.failed, "recipient-limit-exceeded");
        assertThat(payouts.call(claim(null))).isEqualTo(new Outcome(Outcome.Kind.failed, "pt-1", "recipient-limit-exceeded"));
        gateway.answer = () -> result(PayoutResult.Status.reversed, null);
        assertThat(payouts.call(claim("pt-1"))).isEqualTo(new Outcome(Outcome.Kind.failed, "pt-1", "reversed"));
    }

    @Test
    void aRefusedSendFailsButARefusedLookUpStaysUnknown() {
        gateway.answer = () -> {
            throw new PayoutRefusedException("request-validation-error", "refused", null);
        };
        assertThat(payouts.call(claim(null))).isEqualTo(new Outcome(Outcome.Kind.failed, null, "request-validation-error"));
        assertThat(payouts.call(claim("pt-1")).kind()).isEqualTo(Outcome.Kind.unresolved);
    }

    @Test
    void aRefusalAfterAnUnansweredAttemptNeedsReviewNotAFailure() {
        gateway.answer = () -> {
            throw new PayoutRefusedException("idempotency-mismatch", "refused", null);
        };
        Outcome outcome = payouts.call(claim(null, 2));
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.review);
        assertThat(outcome.reason()).contains("idempotency-mismatch");
        assertThat(gateway.searched).containsExactly(ID.toString());
        assertThat(gateway.sent).singleElement().satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo(ID.toString()));
    }

    @Test
    void aPayoutFoundBySearchAfterAnUnansweredAttemptIsNotSentAgain() {
        gateway.found = () -> Optional.of(result(PayoutResult.Status.succeeded, null));
        gateway.answer = () -> {
            throw new AssertionError("not sent again");
        };
        assertThat(payouts.call(claim(null, 3))).isEqualTo(new Outcome(Outcome.Kind.done, "pt-1", null));
        assertThat(gateway.sent).isEmpty();
        gateway.found = () -> Optional.of(result(PayoutResult.Status.failed, "recipient-not-found"));
        assertThat(payouts.call(claim(null, 2))).isEqualTo(new Outcome(Outcome.Kind.failed, "pt-1", "recipient-not-found"));
    }

    @Test
    void processingNoAnswerAndSurprisesAreUnresolved() {
        gateway.answer = () -> result(PayoutResult.Status.processing, null);
        assertThat(payouts.call(claim(null))).isEqualTo(new Outcome(Outcome.Kind.unresolved, "pt-1", "provider_processing"));
        gateway.answer = () -> {
            throw new PayoutUnavailableException("down", null);
        };
        assertThat(payouts.call(claim(null))).isEqualTo(new Outcome(Outcome.Kind.unresolved, null, "provider_unavailable"));
        gateway.answer = () -> {
            throw new IllegalStateException("a bug");
        };
        assertThat(payouts.call(claim(null)).kind()).isEqualTo(Outcome.Kind.unresolved);
    }

    @Test
    void aMethodWithoutPayoutGatewayIsNeverFailedBlindly() {
        WithdrawalRecords.Claim orange = new WithdrawalRecords.Claim(ID, UUID.randomUUID(), new BigDecimal("5000"),
                PayoutProvider.orange, "+2250701234567", null, 1);
        assertThat(payouts.call(orange).kind()).isEqualTo(Outcome.Kind.unresolved);
    }

    @Test
    void theRetryDelayDoublesUpToAnHour() {
        assertThat(payouts.backoff(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(payouts.backoff(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(payouts.backoff(6)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(payouts.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(payouts.backoff(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void onlyOpenWithdrawalsChange() {
        assertThat(WithdrawalStatus.openCondition()).isEqualTo("status IN ('requested', 'processing')");
        assertThat(WithdrawalStatus.needs_review.open()).isFalse();
        assertThat(WithdrawalStatus.done.open()).isFalse();
        assertThat(WithdrawalStatus.failed.open()).isFalse();
    }
}
