package com.allocar.payments.provider;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What a provider needs to open a payment attempt.
 *
 * @param paymentId   our reference of the attempt (payment_attempts.id; the payment's id for its first attempt): Wave's {@code client_reference}, MTN's {@code X-Reference-Id}
 *                    and {@code externalId}, Stripe's {@code metadata[payment_id]} and {@code Idempotency-Key},
 *                    the stem of Orange's {@code order_id}
 * @param amount      whole francs (scale 0 after stripping zeros), more than zero
 * @param currency    {@code XOF}
 * @param payerPhone  E.164 phone of the payer; required by MTN (the payer approves on that phone), ignored by
 *                    the others
 * @param description a short text for the payer (MTN payerMessage/payeeNote, Stripe description); may be null
 * @param returnUrl   where the provider sends the payer after paying (Wave success_url, Orange return_url)
 * @param cancelUrl   where the provider sends the payer after a failure or cancellation (Wave error_url,
 *                    Orange cancel_url)
 */
public record CheckoutRequest(UUID paymentId, BigDecimal amount, String currency, String payerPhone,
                              String description, String returnUrl, String cancelUrl) {
    public CheckoutRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        amount = Amounts.wholeFrancs(amount);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment amount is more than zero");
        }
        currency = currency == null ? Amounts.XOF : currency;
        if (!Amounts.XOF.equals(currency)) {
            throw new IllegalArgumentException("payments are in XOF");
        }
    }
}
