package com.allocar.payments;

/**
 * Where a refund goes. {@link #WALLET}: credited to the passenger's wallet at once, in the transaction of its
 * cause. {@link #ORIGINAL}: back to the means of payment by a provider refund (sent after the commit, retried until
 * the provider answers), or to the wallet when the provider cannot refund that amount (Orange Money, MTN MoMo, a
 * partial Wave refund) and for payments made from the wallet. {@link #MANUAL}: the provider cannot refund it and
 * the wallet is switched off, so finance pays it out and resolves it (never credited to a wallet nobody sees).
 */
public enum RefundRoute {
    WALLET, ORIGINAL, MANUAL
}
