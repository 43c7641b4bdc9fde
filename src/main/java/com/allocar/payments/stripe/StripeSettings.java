package com.allocar.payments.stripe;

import com.allocar.payments.provider.ProviderConfig;
import java.net.URI;

/**
 * The STRIPE_* settings (docs/configuration.md).
 *
 * @param apiUrl        {@code STRIPE_API_URL}, default {@code https://api.stripe.com}
 * @param secretKey     {@code STRIPE_SECRET_KEY} ({@code sk_…}); without it card payments are unavailable
 * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET} ({@code whsec_…}) of the webhook endpoint
 * @param apiVersion    {@code STRIPE_API_VERSION}: sent as {@code Stripe-Version} when set, else the account's
 *                      default version applies
 */
public record StripeSettings(URI apiUrl, String secretKey, String webhookSecret, String apiVersion) {
    public static final String DEFAULT_API_URL = "https://api.stripe.com";

    public static StripeSettings from(ProviderConfig config) {
        return new StripeSettings(config.url("STRIPE_API_URL", DEFAULT_API_URL),
                config.value("STRIPE_SECRET_KEY").orElse(null), config.value("STRIPE_WEBHOOK_SECRET").orElse(null),
                config.value("STRIPE_API_VERSION").orElse(null));
    }

    public boolean available() {
        return apiUrl != null && secretKey != null;
    }

    @Override
    public String toString() {
        return "StripeSettings[apiUrl=" + apiUrl + ", secretKey=" + (secretKey == null ? "unset" : "set")
                + ", webhookSecret=" + (webhookSecret == null ? "unset" : "set") + ", apiVersion=" + apiVersion + "]";
    }
}
