package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A payment attempt opened (or found open) at the provider. The caller stores {@code providerRef},
 * {@code redirectUrl}, {@code payToken} and {@code notifToken} ({@code PaymentAttempt.opened}) and hands
 * {@code appData} to the app.
 *
 * @param providerRef the provider's id of the attempt: Wave session id ({@code cos-…}), Orange order_id, MTN
 *                    X-Reference-Id, Stripe PaymentIntent id ({@code pi_…}); {@code payment_attempts.provider_ref}
 * @param redirectUrl where to send the payer (Wave {@code wave_launch_url}, Orange {@code payment_url}); null for
 *                    MTN (the payer approves on the phone) and Stripe (the app confirms with the client secret)
 * @param payToken    Orange only: needed by every later status look-up; null otherwise
 * @param notifToken  Orange only: a notification is genuine only if it carries this token; null otherwise
 * @param status      the provider's status right after the call: {@code pending}, or {@code succeeded} when an
 *                    earlier attempt for the same payment was already paid (Wave search)
 * @param expiresAt   when the attempt stops accepting payment, when the provider says so; else null
 * @param reused      true when an earlier open attempt for the same payment and amount was returned instead of
 *                    a new one
 * @param appData     what the app needs to go on, snake_case keys: {@code wave_launch_url}, {@code payment_url},
 *                    {@code client_secret} (Stripe), {@code reference_id} (MTN)
 * @param raw         the provider's answer as JSON, without secrets meant for the app only; for
 *                    {@code payment_attempts.raw_payload}
 */
public record Checkout(PaymentProvider provider, String providerRef, String redirectUrl, String payToken,
                       String notifToken, ProviderPaymentStatus status, Instant expiresAt, boolean reused,
                       Map<String, String> appData, String raw) {
    public Checkout {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerRef, "providerRef");
        Objects.requireNonNull(status, "status");
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    @Override
    public String toString() {
        return "Checkout[provider=" + provider + ", providerRef=" + providerRef + ", status=" + status + ", reused="
                + reused + ", expiresAt=" + expiresAt + "]";
    }
}
