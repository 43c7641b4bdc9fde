package com.allocar.earnings;

/** What a driver ledger entry records (see {@code driver_ledger}). */
public enum LedgerKind {
    /** A completed ride: the fare less commission and fees. */
    earning,
    /** The driver's share of a fee a late-cancelling or absent passenger paid. */
    cancellation_compensation,
    /** A refund after completion takes back its share of an earning (negative). */
    reversal,
    /** A late-cancellation fine (negative), withheld from the next payout. */
    fine,
    /** Money sent to the driver (negative). */
    payout,
    /** A failed payout's amount, back in the balance. */
    payout_returned,
    /** What an admin's dispute resolution charges the driver (negative), withheld from the next payout. */
    dispute_charge
}
