package com.allocar.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.allocar.payments.AttemptStatus;
import com.allocar.payments.PaymentProvider;
import com.allocar.payments.PaymentRecords.AttemptRecord;
import com.allocar.payments.PaymentRecords.RefundRecord;
import com.allocar.payments.PaymentStatus;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reconciliation's rules: which pairs are differences, of which kind, and which are repaired. */
class DifferencesTest {
    private static AttemptRecord ours(AttemptStatus attempt, PaymentStatus payment, String refunded) {
        return new AttemptRecord(UUID.randomUUID(), UUID.randomUUID(), PaymentProvider.wave, "cos-1", null, attempt,
                payment, new BigDecimal("6000.00"), "XOF", new BigDecimal(refunded),
                payment.collected() ? Instant.now() : null);
    }

    private static ProviderStatus theirs(ProviderPaymentStatus status, String amount) {
        return new ProviderStatus(PaymentProvider.wave, status, status.name(), amount == null ? null : new BigDecimal(amount),
                "XOF", null, "cos-1", null, null, "{}");
    }

    private static Optional<Differences.Finding> compare(AttemptStatus attempt, PaymentStatus payment,
                                                         ProviderPaymentStatus status) {
        return Differences.attempt(ours(attempt, payment, "0"), theirs(status, "6000"));
    }

    @Test
    void paidAtTheProviderAndStillWaitingOrFailedHereIsRepaired() {
        for (AttemptStatus waiting : new AttemptStatus[]{AttemptStatus.open, AttemptStatus.opening,
                AttemptStatus.superseded, AttemptStatus.failed}) {
            Differences.Finding finding = compare(waiting, PaymentStatus.init, ProviderPaymentStatus.succeeded).orElseThrow();
            assertThat(finding.difference().kind()).isEqualTo(DifferenceKind.status_mismatch);
            assertThat(finding.repairable()).as(waiting.name()).isTrue();
        }
    }

    @Test
    void paidHereAndNotAtTheProviderIsNeverUnpaid() {
        for (ProviderPaymentStatus word : new ProviderPaymentStatus[]{ProviderPaymentStatus.failed,
                ProviderPaymentStatus.expired, ProviderPaymentStatus.pending}) {
            Differences.Finding finding = compare(AttemptStatus.succeeded, PaymentStatus.paid, word).orElseThrow();
            assertThat(finding.difference().kind()).isEqualTo(DifferenceKind.status_mismatch);
            assertThat(finding.repairable()).as(word.name()).isFalse();
            assertThat(finding.difference().action()).startsWith("finance:");
        }
        assertThat(Differences.attemptNotFound(ours(AttemptStatus.succeeded, PaymentStatus.paid, "0")).orElseThrow()
                .difference().kind()).isEqualTo(DifferenceKind.missing_at_provider);
    }

    @Test
    void aFailureAtTheProviderFailsAWaitingAttemptAndAnAgreementIsNoDifference() {
        Differences.Finding failed = compare(AttemptStatus.open, PaymentStatus.init, ProviderPaymentStatus.expired).orElseThrow();
        assertThat(failed.repairable()).isTrue();
        assertThat(compare(AttemptStatus.succeeded, PaymentStatus.paid, ProviderPaymentStatus.succeeded)).isEmpty();
        assertThat(compare(AttemptStatus.open, PaymentStatus.init, ProviderPaymentStatus.pending)).isEmpty();
        assertThat(compare(AttemptStatus.failed, PaymentStatus.failed, ProviderPaymentStatus.failed)).isEmpty();
        assertThat(Differences.attemptNotFound(ours(AttemptStatus.open, PaymentStatus.init, "0")))
                .as("an attempt nobody paid is no money").isEmpty();
    }

    @Test
    void anotherAmountIsAnAmountMismatchForFinance() {
        Differences.Finding finding = Differences.attempt(ours(AttemptStatus.open, PaymentStatus.init, "0"),
                theirs(ProviderPaymentStatus.succeeded, "100")).orElseThrow();
        assertThat(finding.difference().kind()).isEqualTo(DifferenceKind.amount_mismatch);
        assertThat(finding.repairable()).isFalse();
        assertThat(finding.difference().providerAmount()).isEqualByComparingTo("100");
    }

    @Test
    void refundsAreComparedWhereTheProviderReportsThem() {
        RefundRecord full = new RefundRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                PaymentProvider.stripe, "pi_1", null, new BigDecimal("6000"), new BigDecimal("6000"),
                new BigDecimal("6000"), "XOF", "re_1");
        RefundRecord part = new RefundRecord(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                PaymentProvider.stripe, "pi_2", null, new BigDecimal("1000"), new BigDecimal("6000"),
                new BigDecimal("1000"), "XOF", "re_2");
        ProviderStatus notRefunded = theirs(ProviderPaymentStatus.succeeded, "6000");
        ProviderStatus refunded = theirs(ProviderPaymentStatus.refunded, "6000");
        assertThat(Differences.refund(full, notRefunded, true).orElseThrow().difference().kind())
                .isEqualTo(DifferenceKind.status_mismatch);
        assertThat(Differences.refund(full, refunded, true)).isEmpty();
        assertThat(Differences.refund(part, notRefunded, true)).isEmpty();
        assertThat(Differences.refund(part, refunded, true).orElseThrow().difference().kind())
                .isEqualTo(DifferenceKind.amount_mismatch);
        assertThat(Differences.refund(full, notRefunded, false)).as("Wave's session says nothing of refunds").isEmpty();
    }

    @Test
    void aJobWithoutADayReconcilesYesterdayUtc() {
        assertThat(ReconciliationJobs.day(null)).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        assertThat(ReconciliationJobs.day(" ")).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        assertThat(ReconciliationJobs.day("2026-12-01")).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
    }

    @Test
    void onlyMoneyAtTheProviderIsMissingHere() {
        assertThat(Differences.atProviderOnly(PaymentProvider.stripe, theirs(ProviderPaymentStatus.succeeded, "5"), "x")
                .orElseThrow().difference().kind()).isEqualTo(DifferenceKind.missing_here);
        assertThat(Differences.atProviderOnly(PaymentProvider.stripe, theirs(ProviderPaymentStatus.pending, "5"), "x"))
                .isEmpty();
    }
}
