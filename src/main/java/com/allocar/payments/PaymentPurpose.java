package com.allocar.payments;

/** What a payment pays for: a booking, or a wallet top-up through a provider. */
public enum PaymentPurpose {
    booking, topup
}
