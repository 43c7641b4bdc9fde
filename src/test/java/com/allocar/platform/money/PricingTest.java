package com.allocar.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.money.Pricing.CancellationCase;
import com.allocar.platform.money.Pricing.CancellationOutcome;
import com.allocar.platform.money.Pricing.CancellationTerms;
import com.allocar.platform.money.Pricing.Commission;
import com.allocar.platform.money.Pricing.FeeTerms;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PricingTest {
    private static final Instant DEPARTURE = Instant.parse("2026-12-01T08:00:00Z");
    private static final CancellationTerms TERMS = new CancellationTerms(Duration.ofHours(24), new BigDecimal("20"),
            new BigDecimal("50"), new BigDecimal("1000"), 1);

    @Test
    void aBookingCostsThePriceTimesTheSeats() {
        assertThat(Pricing.bookingTotal(new BigDecimal("6000"), 3)).isEqualByComparingTo("18000");
        assertThatThrownBy(() -> Pricing.bookingTotal(new BigDecimal("6000"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommissionIsAPercentPlusAFixedFeeAndNeverMoreThanTheAmount() {
        Commission commission = Pricing.commission(new BigDecimal("12000"), new FeeTerms(new BigDecimal("10"),
                new BigDecimal("200")));
        assertThat(commission.percentPart()).isEqualByComparingTo("1200");
        assertThat(commission.fixedPart()).isEqualByComparingTo("200");
        assertThat(commission.total()).isEqualByComparingTo("1400");
        assertThat(commission.driverShare()).isEqualByComparingTo("10600");

        Commission rounded = Pricing.commission(new BigDecimal("1005"), new FeeTerms(new BigDecimal("12.5"),
                BigDecimal.ZERO));
        assertThat(rounded.percentPart()).as("125.625 rounds half up").isEqualByComparingTo("126");
        assertThat(rounded.driverShare()).isEqualByComparingTo("879");

        Commission capped = Pricing.commission(new BigDecimal("500"), new FeeTerms(new BigDecimal("50"),
                new BigDecimal("1000")));
        assertThat(capped.total()).isEqualByComparingTo("500");
        assertThat(capped.driverShare()).isEqualByComparingTo("0");
    }

    @Test
    void aPassengerCancellingEarlyGetsEverythingBack() {
        CancellationOutcome outcome = Pricing.cancellation(CancellationCase.PASSENGER, new BigDecimal("12000"),
                DEPARTURE, DEPARTURE.minus(Duration.ofHours(24)), TERMS);
        assertThat(outcome.insideWindow()).isFalse();
        assertThat(outcome.refund()).isEqualByComparingTo("12000");
        assertThat(outcome.kept()).isEqualByComparingTo("0");
    }

    @Test
    void aPassengerCancellingInsideTheWindowPaysTheFee() {
        CancellationOutcome outcome = Pricing.cancellation(CancellationCase.PASSENGER, new BigDecimal("12000"),
                DEPARTURE, DEPARTURE.minus(Duration.ofHours(24)).plusSeconds(1), TERMS);
        assertThat(outcome.insideWindow()).isTrue();
        assertThat(outcome.kept()).isEqualByComparingTo("2400");
        assertThat(outcome.refund()).isEqualByComparingTo("9600");
        assertThat(outcome.driverPenalty()).isEqualByComparingTo("0");
    }

    @Test
    void aNoShowKeepsItsShare() {
        CancellationOutcome outcome = Pricing.cancellation(CancellationCase.NO_SHOW, new BigDecimal("6001"),
                DEPARTURE, DEPARTURE.plusSeconds(600), TERMS);
        assertThat(outcome.kept()).isEqualByComparingTo("3001");
        assertThat(outcome.refund().add(outcome.kept())).isEqualByComparingTo("6001");
    }

    @Test
    void aDriverCancellingLateRefundsEverythingAndIsFined() {
        CancellationOutcome late = Pricing.cancellation(CancellationCase.DRIVER, new BigDecimal("6000"), DEPARTURE,
                DEPARTURE.minus(Duration.ofHours(2)), TERMS);
        assertThat(late.refund()).isEqualByComparingTo("6000");
        assertThat(late.driverPenalty()).isEqualByComparingTo("1000");
        assertThat(late.penaltyPoints()).isEqualTo(1);

        CancellationOutcome early = Pricing.cancellation(CancellationCase.DRIVER, new BigDecimal("6000"), DEPARTURE,
                DEPARTURE.minus(Duration.ofDays(3)), TERMS);
        assertThat(early.driverPenalty()).isEqualByComparingTo("0");
        assertThat(early.penaltyPoints()).isZero();
    }

    @Test
    void theSystemAndAdminsRefundEverythingWithoutPenalty() {
        for (CancellationCase c : new CancellationCase[] {CancellationCase.SYSTEM, CancellationCase.ADMIN}) {
            CancellationOutcome outcome = Pricing.cancellation(c, new BigDecimal("6000"), DEPARTURE,
                    DEPARTURE.minusSeconds(60), TERMS);
            assertThat(outcome.refund()).isEqualByComparingTo("6000");
            assertThat(outcome.kept()).isEqualByComparingTo("0");
            assertThat(outcome.driverPenalty()).isEqualByComparingTo("0");
        }
    }

    @Test
    void nothingPaidNothingRefunded() {
        CancellationOutcome outcome = Pricing.cancellation(CancellationCase.PASSENGER, BigDecimal.ZERO, DEPARTURE,
                DEPARTURE.minusSeconds(60), TERMS);
        assertThat(outcome.refund()).isEqualByComparingTo("0");
        assertThat(outcome.kept()).isEqualByComparingTo("0");
    }
}
