package com.allocar.payments;

/** The payment providers that call our webhooks ("card" payments go through stripe). */
public enum PaymentProvider {
    wave, orange, mtn, stripe
}
