package com.allocar.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.payments.PaymentMethod;
import com.allocar.payments.PaymentProvider;
import com.allocar.payments.mtn.MtnGateway;
import com.allocar.payments.mtn.MtnSettings;
import com.allocar.payments.orange.OrangeGateway;
import com.allocar.payments.orange.OrangeSettings;
import com.allocar.payments.stripe.StripeGateway;
import com.allocar.payments.stripe.StripeSettings;
import com.allocar.payments.wave.WaveGateway;
import com.allocar.payments.wave.WaveSettings;
import com.allocar.platform.errors.ErrorCode;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.wallet.PayoutProvider;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentGatewaysTest {

    private static PaymentGateways gateways(Map<String, String> env) {
        ProviderConfig config = ProviderConfig.of(env);
        return new PaymentGateways(
                new WaveGateway(WaveSettings.from(config), ProviderHttp.newClient(), Clock.systemUTC()),
                new OrangeGateway(OrangeSettings.from(config), ProviderHttp.newClient(), Clock.systemUTC()),
                new MtnGateway(MtnSettings.from(config), ProviderHttp.newClient(), Clock.systemUTC()),
                new StripeGateway(StripeSettings.from(config), ProviderHttp.newClient()));
    }

    @Test
    void eachMethodHasItsProviderAndTheWalletNone() {
        assertThat(PaymentGateways.providerOf(PaymentMethod.card)).contains(PaymentProvider.stripe);
        assertThat(PaymentGateways.providerOf(PaymentMethod.wave)).contains(PaymentProvider.wave);
        assertThat(PaymentGateways.providerOf(PaymentMethod.orange)).contains(PaymentProvider.orange);
        assertThat(PaymentGateways.providerOf(PaymentMethod.mtn)).contains(PaymentProvider.mtn);
        assertThat(PaymentGateways.providerOf(PaymentMethod.wallet)).isEmpty();

        PaymentGateways gateways = gateways(Map.of());
        for (PaymentProvider provider : PaymentProvider.values()) {
            assertThat(gateways.gateway(provider).provider()).isEqualTo(provider);
            assertThat(gateways.webhookVerifier(provider).provider()).isEqualTo(provider);
        }
        assertThat(gateways.forMethod(PaymentMethod.wallet)).isEmpty();
        assertThatThrownBy(() -> gateways.require(PaymentMethod.wallet)).isInstanceOf(IllegalArgumentException.class);
        assertThat(gateways.payouts(PayoutProvider.wave)).isPresent();
        assertThat(gateways.payouts(PayoutProvider.manual)).isEmpty();
    }

    @Test
    void withNothingConfiguredEveryProviderIsUnavailableAndNothingCrashes() {
        PaymentGateways gateways = gateways(Map.of("WAVE_API_URL", "not a url", "OM_API_URL", "ftp://x"));
        assertThat(gateways.availability()).containsEntry(PaymentMethod.wave, false).containsEntry(PaymentMethod.orange, false)
                .containsEntry(PaymentMethod.mtn, false).containsEntry(PaymentMethod.card, false)
                .containsEntry(PaymentMethod.wallet, true);
        assertThatThrownBy(() -> gateways.require(PaymentMethod.card)).isInstanceOf(ServiceUnavailableException.class);
        ProviderUnavailableException notConfigured = ProviderUnavailableException.notConfigured(PaymentProvider.mtn);
        assertThat(notConfigured.toApiException().code()).isEqualTo(ErrorCode.service_unavailable);
        // refunds that need no call still answer
        assertThat(gateways.gateway(PaymentProvider.mtn).refund(new ProviderPaymentRef(java.util.UUID.randomUUID(), "r",
                BigDecimal.ONE), BigDecimal.ONE, "k").supported()).isFalse();
    }

    @Test
    void configuredProvidersAreAvailable() {
        PaymentGateways gateways = gateways(Map.of("WAVE_API_KEY", "wave_ci_prod_x", "STRIPE_SECRET_KEY", "sk_live_x",
                "MTN_API_KEY", "5b2f4b8e-0000-4000-8000-000000000000", "MTN_SECRET", "k", "MTN_SUBSCRIPTION_KEY", "s"));
        assertThat(gateways.require(PaymentMethod.wave).provider()).isEqualTo(PaymentProvider.wave);
        assertThat(gateways.require(PaymentMethod.card).provider()).isEqualTo(PaymentProvider.stripe);
        assertThat(gateways.require(PaymentMethod.mtn).provider()).isEqualTo(PaymentProvider.mtn);
        assertThat(gateways.availability()).containsEntry(PaymentMethod.orange, false);
    }
}
