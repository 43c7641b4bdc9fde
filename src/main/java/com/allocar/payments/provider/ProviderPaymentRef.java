package com.allocar.payments.provider;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What we stored about an attempt, enough for any provider to look it up, refund or cancel it.
 *
 * @param paymentId   our reference of the attempt ({@code payment_attempts.id}; the payment's id for its first
 *                    attempt)
 * @param providerRef {@code payment_attempts.provider_ref} (from {@link Checkout#providerRef()})
 * @param amount      the amount we asked for, whole francs
 * @param currency    {@code XOF}
 * @param payToken    Orange's {@code pay_token} ({@code payment_attempts.pay_token}); null for the others
 */
public record ProviderPaymentRef(UUID paymentId, String providerRef, BigDecimal amount, String currency,
                                 String payToken) {
    public ProviderPaymentRef {
        Objects.requireNonNull(paymentId, "paymentId");
        if (providerRef == null || providerRef.isBlank()) {
            throw new IllegalArgumentException("the attempt has no provider reference yet");
        }
        amount = Amounts.wholeFrancs(amount);
        currency = currency == null ? Amounts.XOF : currency;
    }

    public ProviderPaymentRef(UUID paymentId, String providerRef, BigDecimal amount) {
        this(paymentId, providerRef, amount, Amounts.XOF, null);
    }
}
