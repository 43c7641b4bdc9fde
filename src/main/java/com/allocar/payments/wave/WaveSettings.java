package com.allocar.payments.wave;

import com.allocar.payments.provider.ProviderConfig;
import java.net.URI;

/**
 * The WAVE_* settings (docs/configuration.md).
 *
 * @param apiUrl          {@code WAVE_API_URL}, default {@code https://api.wave.com}
 * @param apiKey          {@code WAVE_API_KEY}; without it Wave is unavailable
 * @param webhookSecret   {@code WAVE_WEBHOOK_SECRET}; without it webhooks answer 503
 * @param webhookStrategy {@code WAVE_WEBHOOK_STRATEGY}: how Wave proves its webhooks, as chosen in Wave's
 *                        business portal ({@code signing_secret} or {@code shared_secret}; hyphens work too), or
 *                        {@code either} to accept both proofs while switching (docs/payments.md)
 */
public record WaveSettings(URI apiUrl, String apiKey, String webhookSecret, WebhookStrategy webhookStrategy) {
    public static final String DEFAULT_API_URL = "https://api.wave.com";

    /**
     * {@code signing_secret}: the {@code Wave-Signature} HMAC; {@code shared_secret}: {@code Authorization: Bearer};
     * {@code either}: a delivery with a {@code Wave-Signature} header is held to it, any other to the bearer, both
     * with the one secret. {@code either} is only as strong as the shared secret (the secret travels in every
     * bearer delivery and covers no body), so it is meant for a switch between the two and for the test suite.
     */
    public enum WebhookStrategy {
        signing_secret, shared_secret, either
    }

    public WaveSettings {
        webhookStrategy = webhookStrategy == null ? WebhookStrategy.signing_secret : webhookStrategy;
    }

    public static WaveSettings from(ProviderConfig config) {
        String strategy = config.value("WAVE_WEBHOOK_STRATEGY", WebhookStrategy.signing_secret.name());
        WebhookStrategy parsed;
        try {
            parsed = WebhookStrategy.valueOf(strategy.strip().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            ProviderConfig.LOG.warning("WAVE_WEBHOOK_STRATEGY must be signing_secret, shared_secret or either: "
                    + "using signing_secret");
            parsed = WebhookStrategy.signing_secret;
        }
        return new WaveSettings(config.url("WAVE_API_URL", DEFAULT_API_URL), config.value("WAVE_API_KEY").orElse(null),
                config.value("WAVE_WEBHOOK_SECRET").orElse(null), parsed);
    }

    public boolean available() {
        return apiUrl != null && apiKey != null;
    }

    @Override
    public String toString() {
        return "WaveSettings[apiUrl=" + apiUrl + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", webhookSecret="
                + (webhookSecret == null ? "unset" : "set") + ", webhookStrategy=" + webhookStrategy + "]";
    }
}
