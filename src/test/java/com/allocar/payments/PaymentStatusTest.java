package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ConflictException;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    @Test
    void movesForwardOnly() {
        assertThat(PaymentStatus.init.canMoveTo(PaymentStatus.authorized)).isTrue();
        assertThat(PaymentStatus.init.canMoveTo(PaymentStatus.paid)).isTrue();
        assertThat(PaymentStatus.init.canMoveTo(PaymentStatus.failed)).isTrue();
        assertThat(PaymentStatus.authorized.canMoveTo(PaymentStatus.paid)).isTrue();
        assertThat(PaymentStatus.paid.canMoveTo(PaymentStatus.refunded)).isTrue();
        assertThat(PaymentStatus.refunded.canMoveTo(PaymentStatus.refunded)).isTrue();
    }

    @Test
    void neverDowngradesAPaidPayment() {
        for (PaymentStatus later : new PaymentStatus[] {PaymentStatus.init, PaymentStatus.authorized, PaymentStatus.failed}) {
            assertThat(PaymentStatus.paid.canMoveTo(later)).as(later.name()).isFalse();
            assertThat(PaymentStatus.refunded.canMoveTo(later)).as(later.name()).isFalse();
        }
        assertThat(PaymentStatus.refunded.canMoveTo(PaymentStatus.paid)).isFalse();
        assertThatThrownBy(() -> PaymentStatus.paid.requireTransitionTo(PaymentStatus.failed))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aFailedAttemptMayStillBePaidButNotRefunded() {
        assertThat(PaymentStatus.failed.canMoveTo(PaymentStatus.paid)).isTrue();
        assertThat(PaymentStatus.failed.canMoveTo(PaymentStatus.refunded)).isFalse();
        assertThat(PaymentStatus.init.canMoveTo(PaymentStatus.refunded)).isFalse();
    }

    @Test
    void openAndCollected() {
        assertThat(PaymentStatus.init.open()).isTrue();
        assertThat(PaymentStatus.authorized.open()).isTrue();
        assertThat(PaymentStatus.failed.open()).isFalse();
        assertThat(PaymentStatus.paid.collected()).isTrue();
        assertThat(PaymentStatus.refunded.collected()).isTrue();
        assertThat(PaymentStatus.init.collected()).isFalse();
    }
}
