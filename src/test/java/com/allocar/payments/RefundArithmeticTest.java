package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.money.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What may be refunded, and how a payment's refunded amount and status follow its refunds. */
class RefundArithmeticTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Payment paid(long amount) {
        Payment payment = Payment.forTopup(UUID.randomUUID(), PaymentMethod.wave, BigDecimal.valueOf(amount));
        payment.markPaid("T1", NOW);
        return payment;
    }

    @Test
    void refundableIsWhatIsLeftAfterRefundsAndPendingOnes() {
        assertThat(Pricing.refundable(bd(12000), bd(0), bd(0))).isEqualByComparingTo("12000");
        assertThat(Pricing.refundable(bd(12000), bd(3000), bd(0))).isEqualByComparingTo("9000");
        assertThat(Pricing.refundable(bd(12000), bd(3000), bd(4000))).isEqualByComparingTo("5000");
        assertThat(Pricing.refundable(bd(12000), bd(12000), bd(0))).isEqualByComparingTo("0");
        assertThat(Pricing.refundable(bd(12000), bd(8000), bd(8000))).isEqualByComparingTo("0");
    }

    @Test
    void partialThenFullRefunds() {
        Payment payment = paid(12000);
        payment.addRefunded(bd(2000), NOW);
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.refunded);
        assertThat(payment.getRefundedAmount()).isEqualByComparingTo("2000");
        payment.addRefunded(bd(10000), NOW);
        assertThat(payment.getRefundedAmount()).isEqualByComparingTo("12000");
        assertThatThrownBy(() -> payment.addRefunded(bd(1), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverMoreThanPaidNorBeforePayment() {
        assertThatThrownBy(() -> paid(5000).addRefunded(bd(5001), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> paid(5000).addRefunded(bd(0), NOW)).isInstanceOf(IllegalArgumentException.class);
        Payment open = Payment.forTopup(UUID.randomUUID(), PaymentMethod.wave, bd(5000));
        assertThatThrownBy(() -> open.addRefunded(bd(100), NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void commissionStaysWithinTheAmountAndOnlyOnCollectedPayments() {
        Payment payment = paid(12000);
        Pricing.Commission commission = Pricing.commission(payment.getAmount(),
                new Pricing.FeeTerms(BigDecimal.TEN, bd(500)));
        payment.recordCommission(commission.percentPart(), commission.fixedPart());
        assertThat(payment.getCommission()).isEqualByComparingTo("1200");
        assertThat(payment.getFees()).isEqualByComparingTo("500");
        assertThatThrownBy(() -> payment.recordCommission(bd(12000), bd(1))).isInstanceOf(IllegalArgumentException.class);
        Payment open = Payment.forTopup(UUID.randomUUID(), PaymentMethod.wave, bd(5000));
        assertThatThrownBy(() -> open.recordCommission(bd(1), bd(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedAttemptPaidLaterIsRecordedPaid() {
        Payment payment = Payment.forTopup(UUID.randomUUID(), PaymentMethod.mtn, bd(5000));
        payment.markFailed("NOT_ENOUGH_FUNDS", NOW);
        assertThat(payment.getFailedAt()).isEqualTo(NOW);
        payment.markPaid("F1", NOW);
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.paid);
        assertThat(payment.getFailureReason()).isNull();
        assertThatThrownBy(() -> payment.markFailed("late", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void refundRowsMoveOnceFromPending() {
        PaymentRefund refund = new PaymentRefund(UUID.randomUUID(), bd(6000), RefundRoute.ORIGINAL, "seats_gone",
                com.allocar.platform.audit.ActorType.system, null);
        refund.sendFailed("timeout");
        assertThat(refund.getStatus()).isEqualTo(RefundStatus.pending);
        UUID txn = UUID.randomUUID();
        refund.completeToWallet(txn, NOW);
        assertThat(refund.getRoute()).isEqualTo(RefundRoute.WALLET);
        assertThat(refund.getStatus()).isEqualTo(RefundStatus.completed);
        assertThatThrownBy(() -> refund.completeByProvider("re_1", NOW)).isInstanceOf(IllegalStateException.class);
    }

    private static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }
}
