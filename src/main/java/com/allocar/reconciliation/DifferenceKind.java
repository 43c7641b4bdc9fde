package com.allocar.reconciliation;

/**
 * What a reconciliation found (docs/reconciliation.md has the rules):
 * <ul>
 *   <li>{@code missing_at_provider}: we hold money (a paid attempt, a refund made) the provider does not know;</li>
 *   <li>{@code missing_here}: the provider holds a payment we do not know (a Stripe intent, a second Wave session of
 *   one of our references, a signed success naming nothing of ours);</li>
 *   <li>{@code amount_mismatch}: both know it, with other amounts (or currencies);</li>
 *   <li>{@code status_mismatch}: both know it, in other states (paid at the provider, waiting or failed here; paid
 *   here, failed there; refunded on one side only).</li>
 * </ul>
 */
public enum DifferenceKind {
    missing_at_provider, missing_here, amount_mismatch, status_mismatch
}
