package com.allocar.payments.provider;

/**
 * A provider's status of a payment, normalised. {@code pending} is not final (the payer may still pay, or the
 * provider is still processing); the others are final as far as the provider is concerned. {@code disputed}: the
 * payer's bank took the money back (a chargeback, Stripe {@code charge.dispute.created}). Only
 * {@link ProviderStatus#confirms} makes a payment paid: a status alone does not check amount and reference.
 */
public enum ProviderPaymentStatus {
    pending, succeeded, failed, expired, refunded, disputed;

    public boolean isFinal() {
        return this != pending;
    }
}
