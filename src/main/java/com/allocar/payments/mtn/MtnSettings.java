package com.allocar.payments.mtn;

import com.allocar.payments.provider.ProviderConfig;
import java.net.URI;

/**
 * The MTN_* settings (docs/configuration.md).
 *
 * @param apiUrl            {@code MTN_API_URL}, default the sandbox {@code https://sandbox.momodeveloper.mtn.com}
 * @param apiUser           {@code MTN_API_KEY}: the API user (a UUID) of the MoMo developer portal
 * @param apiKey            {@code MTN_SECRET}: that user's API key
 * @param subscriptionKey   {@code MTN_SUBSCRIPTION_KEY}: the Collection product's {@code Ocp-Apim-Subscription-Key}
 * @param targetEnvironment {@code MTN_TARGET_ENVIRONMENT}: {@code sandbox} or the country's value (e.g.
 *                          {@code mtnivorycoast})
 * @param currency          {@code MTN_CURRENCY}: {@code XOF}; the sandbox only accepts {@code EUR}
 * @param callbackBase      {@code ALLOCAR_PUBLIC_API_URL}, for {@code X-Callback-Url}; without it no callback is
 *                          asked for (payments are then settled by polling)
 */
public record MtnSettings(URI apiUrl, String apiUser, String apiKey, String subscriptionKey, String targetEnvironment,
                          String currency, URI callbackBase) {
    public static final String DEFAULT_API_URL = "https://sandbox.momodeveloper.mtn.com";

    public static MtnSettings from(ProviderConfig config) {
        return new MtnSettings(config.url("MTN_API_URL", DEFAULT_API_URL), config.value("MTN_API_KEY").orElse(null),
                config.value("MTN_SECRET").orElse(null), config.value("MTN_SUBSCRIPTION_KEY").orElse(null),
                config.value("MTN_TARGET_ENVIRONMENT", "sandbox"), config.value("MTN_CURRENCY", "XOF"),
                config.url("ALLOCAR_PUBLIC_API_URL", null));
    }

    public boolean available() {
        return apiUrl != null && apiUser != null && apiKey != null && subscriptionKey != null;
    }

    @Override
    public String toString() {
        return "MtnSettings[apiUrl=" + apiUrl + ", apiUser=" + (apiUser == null ? "unset" : "set") + ", apiKey="
                + (apiKey == null ? "unset" : "set") + ", subscriptionKey=" + (subscriptionKey == null ? "unset" : "set")
                + ", targetEnvironment=" + targetEnvironment + ", currency=" + currency + ", callbackBase="
                + callbackBase + "]";
    }
}
