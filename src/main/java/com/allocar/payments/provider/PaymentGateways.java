package com.allocar.payments.provider;

import com.allocar.payments.PaymentMethod;
import com.allocar.payments.PaymentProvider;
import com.allocar.payments.mtn.MtnGateway;
import com.allocar.payments.orange.OrangeGateway;
import com.allocar.payments.stripe.StripeGateway;
import com.allocar.payments.wave.WaveGateway;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.wallet.PayoutGateway;
import com.allocar.wallet.PayoutGateways;
import com.allocar.wallet.PayoutProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway of each payment method and provider. {@code card} is paid through Stripe; {@code wallet} has no
 * gateway (the wallet pays from its balance at once, no provider involved).
 */
@ApplicationScoped
public class PaymentGateways implements PayoutGateways {
    private final Map<PaymentProvider, PaymentGateway> byProvider = new EnumMap<>(PaymentProvider.class);
    private WaveGateway wave;

    protected PaymentGateways() {
    }

    @Inject
    public PaymentGateways(WaveGateway wave, OrangeGateway orange, MtnGateway mtn, StripeGateway stripe) {
        this.wave = wave;
        byProvider.put(PaymentProvider.wave, wave);
        byProvider.put(PaymentProvider.orange, orange);
        byProvider.put(PaymentProvider.mtn, mtn);
        byProvider.put(PaymentProvider.stripe, stripe);
    }

    /** The provider of a method: card → stripe, wallet → none, the others → their namesake. */
    public static Optional<PaymentProvider> providerOf(PaymentMethod method) {
        return switch (method) {
            case wave -> Optional.of(PaymentProvider.wave);
            case orange -> Optional.of(PaymentProvider.orange);
            case mtn -> Optional.of(PaymentProvider.mtn);
            case card -> Optional.of(PaymentProvider.stripe);
            case wallet -> Optional.empty();
        };
    }

    public PaymentGateway gateway(PaymentProvider provider) {
        return byProvider.get(provider);
    }

    /** The gateway of {@code method}, or empty for {@code wallet}. */
    public Optional<PaymentGateway> forMethod(PaymentMethod method) {
        return providerOf(method).map(this::gateway);
    }

    /**
     * The gateway of {@code method}, configured.
     *
     * @throws IllegalArgumentException    for {@code wallet}, which has no gateway
     * @throws ServiceUnavailableException (503) when the provider is not configured
     */
    public PaymentGateway require(PaymentMethod method) {
        PaymentGateway gateway = forMethod(method)
                .orElseThrow(() -> new IllegalArgumentException("the wallet pays without a provider"));
        if (!gateway.available()) {
            throw new ServiceUnavailableException("This payment method is not available.",
                    Map.of("method", method.name()));
        }
        return gateway;
    }

    /** Which methods can be used now (wallet always: it needs no provider). */
    public Map<PaymentMethod, Boolean> availability() {
        Map<PaymentMethod, Boolean> available = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod method : PaymentMethod.values()) {
            available.put(method, forMethod(method).map(PaymentGateway::available).orElse(true));
        }
        return available;
    }

    public WebhookVerifier webhookVerifier(PaymentProvider provider) {
        return gateway(provider).webhookVerifier();
    }

    /** The payout gateway of {@code provider}: Wave only; empty for the others ({@code manual} included). */
    @Override
    public Optional<PayoutGateway> payouts(PayoutProvider provider) {
        return provider == PayoutProvider.wave ? Optional.of(wave) : Optional.empty();
    }
}
