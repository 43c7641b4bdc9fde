package com.allocar.reconciliation;

import com.allocar.payments.AttemptStatus;
import com.allocar.payments.PaymentProvider;
import com.allocar.payments.PaymentRecords.AttemptRecord;
import com.allocar.payments.PaymentRecords.RefundRecord;
import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.wallet.PayoutResult;
import java.util.Optional;

/**
 * The reconciliation's rules (docs/reconciliation.md), without I/O: what our record and the provider's answer to
 * its look-up say together. A difference is {@link Finding#repairable()} only when applying the provider's word
 * through the webhook path is what a webhook would have done and moves money only towards the provider's record:
 * a success we did not record (attempt waiting or failed here), a failure we did not record (attempt still waiting
 * here). Nothing paid is ever un-paid automatically: those are differences for finance.
 */
public final class Differences {
    static final String FINANCE = "finance: ";

    private Differences() {
    }

    /** A difference, and whether the run may repair it by applying the provider's answer. */
    public record Finding(Difference difference, boolean repairable) {
    }

    /** The provider does not know the attempt (its look-up answered 404). */
    public static Optional<Finding> attemptNotFound(AttemptRecord ours) {
        if (ours.attemptStatus() != AttemptStatus.succeeded) {
            return Optional.empty(); // nothing was paid: an attempt that never reached the provider is no money
        }
        return Optional.of(new Finding(difference(DifferenceKind.missing_at_provider, ours, null,
                FINANCE + "we recorded this payment as paid and the provider does not know it; check the provider's "
                        + "dashboard (never un-paid automatically)"), false));
    }

    /** Our attempt and the provider's current word about it. */
    public static Optional<Finding> attempt(AttemptRecord ours, ProviderStatus theirs) {
        AttemptStatus status = ours.attemptStatus();
        ProviderPaymentStatus word = theirs.status();
        boolean collected = status == AttemptStatus.succeeded;
        if (word == ProviderPaymentStatus.succeeded || word == ProviderPaymentStatus.refunded) {
            if (!sameMoney(ours, theirs)) {
                return Optional.of(new Finding(difference(DifferenceKind.amount_mismatch, ours, theirs,
                        FINANCE + "the provider reports another amount or currency; "
                                + (collected ? "ours is recorded as paid" : "nothing was applied")), false));
            }
        }
        switch (word) {
            case succeeded -> {
                if (collected) {
                    return Optional.empty();
                }
                if (status == AttemptStatus.needs_review) {
                    return Optional.of(new Finding(difference(DifferenceKind.status_mismatch, ours, theirs,
                            FINANCE + "already in the review queue (GET /admin/payment-attempts/needs-review)"),
                            false));
                }
                return Optional.of(new Finding(difference(DifferenceKind.status_mismatch, ours, theirs,
                        "paid at the provider, " + status + " here: apply the success"), true));
            }
            case refunded -> {
                if (collected && ours.refundedAmount().compareTo(ours.amount()) >= 0) {
                    return Optional.empty();
                }
                return Optional.of(new Finding(difference(DifferenceKind.status_mismatch, ours, theirs,
                        FINANCE + "refunded in full at the provider, "
                                + (collected ? Amounts.wire(ours.refundedAmount()) + " refunded here"
                                : "never recorded as paid here")), false));
            }
            case failed, expired -> {
                if (collected || status == AttemptStatus.needs_review) {
                    return Optional.of(new Finding(difference(DifferenceKind.status_mismatch, ours, theirs,
                            FINANCE + "paid here, " + word + " at the provider (never un-paid automatically)"),
                            false));
                }
                if (status.awaiting()) {
                    return Optional.of(new Finding(difference(DifferenceKind.status_mismatch, ours, theirs,
                            word + " at the provider, still " + status + " here: apply the failure"), true));
                }
                return Optional.empty();
            }
            case pending, disputed -> {
                if (collected) {
                    return Optional.of(new Finding(difference(DifferenceKind.status_mismatch, ours, theirs,
                            FINANCE + "paid here, " + word + " at the provider (never un-paid automatically)"),
                            false));
                }
                return Optional.empty();
            }
            default -> throw new IllegalStateException("unknown provider status " + word);
        }
    }

    /**
     * A refund the provider made, against its answer about the attempt that collected the payment. Only for a
     * provider whose look-up reports refunds ({@code reportsRefunds}); for the others, that the payment exists there.
     */
    public static Optional<Finding> refund(RefundRecord ours, ProviderStatus theirs, boolean reportsRefunds) {
        if (!reportsRefunds) {
            return Optional.empty();
        }
        boolean refundedThere = theirs.status() == ProviderPaymentStatus.refunded;
        if (ours.paymentFullyRefunded() && !refundedThere) {
            return Optional.of(new Finding(refundDifference(DifferenceKind.status_mismatch, ours, theirs,
                    FINANCE + "refunded in full here, " + theirs.status() + " at the provider: check the refund "
                            + "there"), false));
        }
        if (!ours.paymentFullyRefunded() && refundedThere) {
            return Optional.of(new Finding(refundDifference(DifferenceKind.amount_mismatch, ours, theirs,
                    FINANCE + "refunded in full at the provider, " + Amounts.wire(ours.paymentRefunded()) + " of "
                            + Amounts.wire(ours.paymentAmount()) + " here"), false));
        }
        return Optional.empty();
    }

    /** The provider does not know the payment a refund of ours was made on. */
    public static Finding refundNotFound(RefundRecord ours) {
        return new Finding(refundDifference(DifferenceKind.missing_at_provider, ours, null,
                FINANCE + "the provider does not know the refunded payment"), false);
    }

    /** A payment the provider holds that no attempt of ours is (a second Wave session, a Stripe intent). */
    public static Optional<Finding> atProviderOnly(PaymentProvider provider, ProviderStatus theirs, String why) {
        if (theirs.status() != ProviderPaymentStatus.succeeded && theirs.status() != ProviderPaymentStatus.refunded) {
            return Optional.empty(); // nobody paid it: no money to account for
        }
        return Optional.of(new Finding(new Difference(DifferenceKind.missing_here, RecordType.payment, provider,
                "provider:" + provider + ":" + theirs.providerRef(), null, null, null, theirs.ourReference(),
                theirs.providerRef(), null, null, theirs.amount(), theirs.rawStatus(), false,
                FINANCE + why + " (refund the payer or attach the money by hand)"), false));
    }

    /**
     * A payout or withdrawal of ours against the provider's payout found by its id or our reference ({@code theirs}
     * null: the provider has none). Money out is never repaired here: a payout still open is settled by its own job's
     * next look-up; everything else is finance's ({@code POST /admin/payouts/{id}/resolve},
     * {@code /admin/wallet/withdrawals/{id}/resolve}).
     */
    public static Optional<Finding> transfer(Transfer ours, PayoutResult theirs) {
        if (theirs == null) {
            return ours.state() != Transfer.State.paid ? Optional.empty()
                    : Optional.of(new Finding(transferDifference(DifferenceKind.missing_at_provider, ours, null,
                    FINANCE + "recorded as paid out, the provider has no payout for it"), false));
        }
        if (theirs.status() == PayoutResult.Status.succeeded && theirs.amount() != null
                && !Amounts.same(theirs.amount(), ours.amount())) {
            return Optional.of(new Finding(transferDifference(DifferenceKind.amount_mismatch, ours, theirs,
                    FINANCE + "the provider paid out another amount"), false));
        }
        String action = switch (theirs.status()) {
            case succeeded -> switch (ours.state()) {
                case paid -> null;
                case failed -> FINANCE + "paid out at the provider although the amount was given back here: the "
                        + "money left twice";
                case open -> "paid out at the provider: its job records it at its next look-up";
                case review -> FINANCE + "paid out at the provider: resolve it as paid";
            };
            case failed, reversed -> switch (ours.state()) {
                case paid -> FINANCE + "recorded as paid out, " + theirs.status() + " at the provider (never "
                        + "un-paid automatically)";
                case open -> theirs.status() + " at the provider: its job records it at its next look-up";
                case review -> FINANCE + theirs.status() + " at the provider: resolve it as failed";
                case failed -> null;
            };
            case processing -> ours.state() == Transfer.State.paid
                    ? FINANCE + "recorded as paid out, still processing at the provider" : null;
        };
        return action == null ? Optional.empty() : Optional.of(new Finding(
                transferDifference(DifferenceKind.status_mismatch, ours, theirs, action), false));
    }

    /** A second payout the provider made under our reference (a payout paid twice). */
    public static Optional<Finding> secondTransfer(Transfer ours, PayoutResult other) {
        if (other.status() != PayoutResult.Status.succeeded) {
            return Optional.empty();
        }
        return Optional.of(new Finding(new Difference(DifferenceKind.missing_here, ours.type(), PaymentProvider.wave,
                "provider:wave:" + other.providerPayoutId(), null, null, ours.id(), ours.id().toString(),
                other.providerPayoutId(), null, null, other.amount(), other.status().name(), false,
                FINANCE + "a second payout under our reference " + ours.id() + " (" + ours.type() + " "
                        + ours.providerRef() + " is recorded here): paid twice"), false));
    }

    private static Difference transferDifference(DifferenceKind kind, Transfer ours, PayoutResult theirs,
                                                 String action) {
        return new Difference(kind, ours.type(), PaymentProvider.wave, ours.type() + ":" + ours.id(), null, null,
                ours.id(), ours.id().toString(),
                theirs != null && theirs.providerPayoutId() != null ? theirs.providerPayoutId() : ours.providerRef(),
                ours.amount(), ours.status(), theirs == null ? null : theirs.amount(),
                theirs == null ? "not_found" : theirs.status().name(), false, action);
    }

    private static boolean sameMoney(AttemptRecord ours, ProviderStatus theirs) {
        return (theirs.amount() == null || Amounts.same(theirs.amount(), ours.amount()))
                && (theirs.currency() == null || theirs.currency().equalsIgnoreCase(ours.currency()));
    }

    private static Difference difference(DifferenceKind kind, AttemptRecord ours, ProviderStatus theirs, String action) {
        return new Difference(kind, RecordType.payment, ours.provider(), "attempt:" + ours.attemptId(),
                ours.paymentId(), ours.attemptId(), null, ours.attemptId().toString(),
                theirs != null && theirs.providerRef() != null ? theirs.providerRef() : ours.ref().providerRef(),
                ours.amount(), ours.paymentStatus() + "/" + ours.attemptStatus(),
                theirs == null ? null : theirs.amount(), theirs == null ? "not_found" : statusOf(theirs), false,
                action);
    }

    private static Difference refundDifference(DifferenceKind kind, RefundRecord ours, ProviderStatus theirs,
                                               String action) {
        return new Difference(kind, RecordType.refund, ours.provider(), "refund:" + ours.refundId(), ours.paymentId(),
                ours.attemptId(), ours.refundId(), ours.attemptId().toString(), ours.providerRef(), ours.amount(),
                "completed (payment refunded " + Amounts.wire(ours.paymentRefunded()) + " of "
                        + Amounts.wire(ours.paymentAmount()) + ")",
                theirs == null ? null : theirs.amount(), theirs == null ? "not_found" : statusOf(theirs), false,
                action);
    }

    /** The normalised status and the provider's own words ({@code succeeded (complete/succeeded)}). */
    static String statusOf(ProviderStatus theirs) {
        return theirs.rawStatus() == null || theirs.rawStatus().equals(theirs.status().name())
                ? theirs.status().name() : theirs.status() + " (" + theirs.rawStatus() + ")";
    }
}
