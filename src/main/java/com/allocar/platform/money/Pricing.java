package com.allocar.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one place where money is computed (DESIGN "Money"): a booking's price, the platform's commission on a
 * payment, and who gets what when a booking is cancelled (CXL-1..3). Pure functions of their inputs (the terms
 * come from the settings), whole XOF francs, amounts kept by the platform rounded half up, so what is refunded
 * and what is kept always add up to what was paid.
 */
public final class Pricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    /** A booking's total: price per seat × seats, whole francs. */
    public static BigDecimal bookingTotal(BigDecimal pricePerSeat, int seats) {
        if (seats < 1) {
            throw new IllegalArgumentException("at least one seat");
        }
        return francs(pricePerSeat.multiply(BigDecimal.valueOf(seats)));
    }

    /**
     * What the platform takes on a paid amount: {@code percent} of it plus {@code fixed}, never more than the
     * amount; the driver's share is the rest.
     */
    public static Commission commission(BigDecimal amount, FeeTerms terms) {
        BigDecimal paid = francs(amount);
        BigDecimal percentPart = percentOf(paid, terms.percent());
        BigDecimal fixedPart = francs(terms.fixed()).min(paid.subtract(percentPart));
        return new Commission(paid, percentPart, fixedPart, paid.subtract(percentPart).subtract(fixedPart));
    }

    /**
     * Who gets what when a booking is cancelled.
     *
     * <ul>
     *   <li>{@link CancellationCase#PASSENGER}: less than the window before departure, the passenger pays the
     *   cancellation fee (percent of what was paid), the rest is refunded; earlier, everything is refunded.</li>
     *   <li>{@link CancellationCase#NO_SHOW}: the no-show percent is kept, the rest refunded.</li>
     *   <li>{@link CancellationCase#DRIVER}: the passenger gets everything back; inside the window the driver owes
     *   the penalty (a fine withheld from later payouts, and points), whether or not the booking was paid.</li>
     *   <li>{@link CancellationCase#SYSTEM} (seat gone, expired, trip cancelled by an admin) and
     *   {@link CancellationCase#ADMIN}: everything back, no fee, no penalty.</li>
     * </ul>
     *
     * @param paid what the passenger has paid for the booking (0 when unpaid: nothing to refund, nothing kept)
     */
    public static CancellationOutcome cancellation(CancellationCase cancellationCase, BigDecimal paid,
                                                   Instant departure, Instant now, CancellationTerms terms) {
        Objects.requireNonNull(cancellationCase);
        BigDecimal amount = francs(paid);
        boolean late = Duration.between(now, departure).compareTo(terms.window()) < 0;
        BigDecimal kept = switch (cancellationCase) {
            case PASSENGER -> late ? percentOf(amount, terms.feePercent()) : BigDecimal.ZERO;
            case NO_SHOW -> percentOf(amount, terms.noShowPercent());
            case DRIVER, SYSTEM, ADMIN -> BigDecimal.ZERO;
        };
        boolean penalised = cancellationCase == CancellationCase.DRIVER && late;
        return new CancellationOutcome(cancellationCase, late, amount, amount.subtract(kept), kept,
                penalised ? francs(terms.driverPenalty()) : BigDecimal.ZERO,
                penalised ? terms.driverPenaltyPoints() : 0);
    }

    /**
     * What may still be refunded on a payment: the amount paid less what was refunded and what is being refunded
     * (pending provider refunds), never below 0.
     */
    public static BigDecimal refundable(BigDecimal paid, BigDecimal refunded, BigDecimal pending) {
        BigDecimal left = francs(paid).subtract(francs(refunded)).subtract(francs(pending));
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }

    /** {@code percent} % of {@code amount}, whole francs, half up. */
    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 0, RoundingMode.HALF_UP);
    }

    private static BigDecimal francs(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amounts are never negative");
        }
        return amount.setScale(0, RoundingMode.HALF_UP);
    }

    /** Platform fee settings: {@code fees.platform_percent} and {@code fees.platform_fixed}. */
    public record FeeTerms(BigDecimal percent, BigDecimal fixed) {
    }

    /** Cancellation settings (window, passenger fee %, no-show %, driver fine and points). */
    public record CancellationTerms(Duration window, BigDecimal feePercent, BigDecimal noShowPercent,
                                    BigDecimal driverPenalty, int driverPenaltyPoints) {
    }

    public enum CancellationCase {
        PASSENGER, DRIVER, NO_SHOW, SYSTEM, ADMIN
    }

    /**
     * @param amount      what was paid
     * @param percentPart the percent commission
     * @param fixedPart   the fixed fee (capped so that the commission never exceeds the amount)
     * @param driverShare amount − percentPart − fixedPart
     */
    public record Commission(BigDecimal amount, BigDecimal percentPart, BigDecimal fixedPart,
                             BigDecimal driverShare) {
        public BigDecimal total() {
            return percentPart.add(fixedPart);
        }
    }

    /**
     * @param insideWindow   whether the cancellation came less than the window before departure
     * @param paid           what the passenger had paid
     * @param refund         what goes back to the passenger (paid − kept)
     * @param kept           the fee kept (passenger late cancellation, no-show)
     * @param driverPenalty  the fine the driver owes (withheld from later payouts)
     * @param penaltyPoints  points added to the driver's penalty score
     */
    public record CancellationOutcome(CancellationCase cancellationCase, boolean insideWindow, BigDecimal paid,
                                      BigDecimal refund, BigDecimal kept, BigDecimal driverPenalty,
                                      int penaltyPoints) {
    }
}
