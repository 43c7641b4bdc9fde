package com.allocar.earnings;

import com.allocar.bookings.BookingCompleted;
import com.allocar.bookings.BookingFeeKept;
import com.allocar.bookings.DriverFined;
import com.allocar.payments.BookingPayments;
import com.allocar.payments.PaymentRefundRecorded;
import com.allocar.platform.money.Pricing;
import com.allocar.platform.persistence.SqlValues;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Posts the driver ledger entries of what happens below (bookings, payments), observing their events synchronously,
 * inside the transaction of the cause: a completed ride earns the fare less the commission and fees recorded when it
 * was paid; a kept cancellation fee earns its share less commission and fees; a fine is withheld; a refund of money
 * that earned something takes back its share of every part (driver, commission, fees) so that, for every trip, what
 * passengers paid + the promo discounts the platform bore = refunds + commission + fees + driver earnings (a refund
 * of a discounted payment takes back the same share of the fare as of what was paid: docs/promos.md).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EarningsRecorder {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    DriverLedger ledger;
    @Inject
    BookingPayments payments;
    @Inject
    Settings settings;

    void completed(@Observes BookingCompleted ride) {
        payments.settledPayment(ride.bookingId()).ifPresent(paid -> {
            // on the fare: a promo discount is the platform's, the driver earns as without it
            BigDecimal driverShare = paid.fare().subtract(paid.commission()).subtract(paid.fees());
            ledger.post(new LedgerPosting(ride.driverId(), LedgerKind.earning, driverShare, paid.fare(),
                    paid.commission(), paid.fees(), ride.bookingId(), ride.tripId(), paid.paymentId(), null, null,
                    "earning:" + ride.bookingId(), ride.completedAt().plus(settings.payoutHold()), "Trajet terminé"));
            if (paid.refunded().signum() > 0) {
                // refunded before the ride ended (rare: an admin's partial refund): that share never earns
                reverse(paid.paymentId(), new Refunded(paid.refunded(), paid.amount(), paid.discount(), paid.refunded()),
                        "reversal:before-completion:" + ride.bookingId(), ride.completedAt());
            }
        });
    }

    void feeKept(@Observes BookingFeeKept fee) {
        Pricing.Commission split = Pricing.commission(fee.kept(), settings.feeTerms());
        UUID paymentId = payments.settledPayment(fee.bookingId()).map(BookingPayments.Collected::paymentId)
                .orElse(null);
        ledger.post(new LedgerPosting(fee.driverId(), LedgerKind.cancellation_compensation, split.driverShare(),
                fee.kept(), split.percentPart(), split.fixedPart(), fee.bookingId(), fee.tripId(), paymentId, null,
                null, "compensation:" + fee.bookingId(), fee.at().plus(settings.payoutHold()),
                "Indemnité d'annulation (" + fee.reason() + ")"));
    }

    void fined(@Observes DriverFined fine) {
        ledger.post(new LedgerPosting(fine.driverId(), LedgerKind.fine, fine.amount().negate(), null, null, null,
                fine.bookingId(), fine.tripId(), null, fine.penaltyId(), null, "fine:" + fine.penaltyId(), fine.at(),
                "Pénalité d'annulation tardive"));
    }

    void refunded(@Observes PaymentRefundRecorded refund) {
        if (refund.bookingId() != null) {
            reverse(refund.paymentId(), new Refunded(refund.amount(), refund.paid(), refund.discount(),
                    refund.refundedTotal()), "reversal:" + refund.refundId(), Instant.now());
        }
    }

    /**
     * A refund of a payment: {@code amount} now, {@code total} of {@code paid} so far (this one included), on a
     * payment whose passenger had {@code discount} off the fare.
     */
    record Refunded(BigDecimal amount, BigDecimal paid, BigDecimal discount, BigDecimal total) {
    }

    /**
     * Takes back {@code refunded} francs' share of what the payment earned (its earning or cancellation compensation,
     * if any): each part in proportion, rounded so that the parts add up to the refund exactly.
     */
    private void reverse(UUID paymentId, Refunded refunded, String causeKey, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object[]> earned = em.createNativeQuery("SELECT driver_id, gross, commission, fees, amount, booking_id, "
                        + "trip_id, available_at FROM driver_ledger WHERE payment_id = ?1 AND kind IN ('earning', "
                        + "'cancellation_compensation') ORDER BY created_at LIMIT 1")
                .setParameter(1, paymentId).getResultList();
        if (earned.isEmpty()) {
            return; // nothing earned on it (not completed, or an extra payment): nothing to take back
        }
        Object[] row = earned.get(0);
        BigDecimal gross = (BigDecimal) row[1];
        if (gross.signum() <= 0) {
            return;
        }
        BigDecimal base = refunded.discount().signum() == 0 ? refunded.amount().min(gross)
                : fareShare(paymentId, refunded, gross);
        if (base.signum() <= 0) {
            return;
        }
        BigDecimal commission = share((BigDecimal) row[2], base, gross);
        BigDecimal fees = share((BigDecimal) row[3], base, gross);
        BigDecimal driver = base.subtract(commission).subtract(fees);
        // taken back when the refund is made, or, while the earning is still held, when the earning would count
        Instant earningAvailable = SqlValues.instant(row[7]);
        Instant availableAt = earningAvailable.isAfter(at) ? earningAvailable : at;
        ledger.post(new LedgerPosting((UUID) row[0], LedgerKind.reversal, driver.negate(), base.negate(),
                commission.negate(), fees.negate(), (UUID) row[5], (UUID) row[6], paymentId, null, null, causeKey,
                availableAt, "Remboursement au passager"));
    }

    /**
     * A discounted payment (the passenger paid less than the fare the entry earned on): a refund takes back the same
     * share of the fare as of what was paid, so that a full refund reverses the whole earning. Cumulative, so the
     * reversals of several partial refunds add up to the fare exactly: the share of everything refunded so far, less
     * what earlier reversals took back.
     */
    private BigDecimal fareShare(UUID paymentId, Refunded refunded, BigDecimal gross) {
        BigDecimal target = refunded.total().compareTo(refunded.paid()) >= 0 ? gross
                : share(gross, refunded.total(), refunded.paid()).min(gross);
        BigDecimal reversed = (BigDecimal) em.createNativeQuery("SELECT coalesce(-sum(gross), 0) FROM driver_ledger "
                + "WHERE payment_id = ?1 AND kind = 'reversal'").setParameter(1, paymentId).getSingleResult();
        return target.subtract(reversed);
    }

    /** {@code part × refunded / gross}, whole francs, half up. */
    static BigDecimal share(BigDecimal part, BigDecimal refunded, BigDecimal gross) {
        return part.multiply(refunded).divide(gross, 0, RoundingMode.HALF_UP);
    }
}
