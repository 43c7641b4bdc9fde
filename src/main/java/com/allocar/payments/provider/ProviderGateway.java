package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import java.net.http.HttpClient;

/**
 * What every adapter shares: its provider, its HTTP side and its webhook check, and the refusal to call an
 * unconfigured provider. Subclasses are CDI beans (configured from the environment in {@code @PostConstruct})
 * that tests also build with {@code new} and a settings record.
 */
public abstract class ProviderGateway implements PaymentGateway {
    private final PaymentProvider provider;
    private ProviderHttp http;
    private WebhookVerifier verifier;

    protected ProviderGateway(PaymentProvider provider) {
        this.provider = provider;
    }

    /** Sets the HTTP client and the webhook check (from the settings just read). */
    protected void connect(HttpClient client, WebhookVerifier webhookVerifier) {
        this.http = new ProviderHttp(provider, client);
        this.verifier = webhookVerifier;
    }

    protected ProviderHttp http() {
        return http;
    }

    @Override
    public PaymentProvider provider() {
        return provider;
    }

    @Override
    public WebhookVerifier webhookVerifier() {
        return verifier;
    }

    /** @throws ProviderUnavailableException when the provider is not configured */
    protected void requireAvailable() {
        if (!available()) {
            throw ProviderUnavailableException.notConfigured(provider);
        }
    }
}
