package com.allocar.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.payments.mtn.MtnGateway;
import com.allocar.payments.mtn.MtnSettings;
import com.allocar.payments.orange.OrangeGateway;
import com.allocar.payments.orange.OrangeSettings;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderConfig;
import com.allocar.payments.provider.ProviderHttp;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.payments.stripe.StripeGateway;
import com.allocar.payments.stripe.StripeSettings;
import com.allocar.payments.wave.WaveGateway;
import com.allocar.payments.wave.WaveSettings;
import com.allocar.platform.errors.ErrorCode;
import com.allocar.platform.errors.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the webhook route decides before anything is stored: the provider exists, and a hint names an open attempt. */
class PaymentWebhooksTest {
    private static final Map<String, String> MTN_ONLY = Map.of("MTN_API_URL", "http://127.0.0.1:9",
            "MTN_API_KEY", "user", "MTN_SECRET", "secret", "MTN_SUBSCRIPTION_KEY", "sub");

    private final List<UUID> askedFor = new ArrayList<>();
    private final List<VerifiedNotification> applied = new ArrayList<>();

    private PaymentWebhooks webhooks(Map<String, String> env) {
        ProviderConfig config = ProviderConfig.of(env);
        PaymentWebhooks webhooks = new PaymentWebhooks();
        webhooks.gateways = new PaymentGateways(
                new WaveGateway(WaveSettings.from(config), ProviderHttp.newClient(), Clock.systemUTC()),
                new OrangeGateway(OrangeSettings.from(config), ProviderHttp.newClient(), Clock.systemUTC()),
                new MtnGateway(MtnSettings.from(config), ProviderHttp.newClient(), Clock.systemUTC()),
                new StripeGateway(StripeSettings.from(config), ProviderHttp.newClient()));
        webhooks.service = new PaymentService() {
            @Override
            public HintTarget hintTarget(UUID attemptId, PaymentProvider provider) {
                askedFor.add(attemptId);
                return new HintTarget(false, null); // no such attempt of this provider
            }
        };
        webhooks.inbox = new WebhookInbox() {
            @Override
            public WebhookOutcome apply(VerifiedNotification event, ProviderStatus looked, String body) {
                applied.add(event);
                return WebhookOutcome.applied;
            }
        };
        return webhooks;
    }

    private static WebhookRequest callback(String externalId) {
        String body = "{\"externalId\": \"" + externalId + "\", \"status\": \"SUCCESSFUL\", \"amount\": \"5000\", "
                + "\"currency\": \"XOF\", \"financialTransactionId\": \"1\"}";
        return new WebhookRequest(Map.of("Content-Type", List.of("application/json")), Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnconfiguredProviderIsNotFoundLikeAnUnknownOne() {
        PaymentWebhooks webhooks = webhooks(Map.of());
        for (String provider : List.of("mtn", "orange", "wave", "stripe", "paypal")) {
            assertThatThrownBy(() -> webhooks.receive(provider, callback(UUID.randomUUID().toString())))
                    .as(provider).isInstanceOfSatisfying(NotFoundException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.not_found));
        }
        assertThat(askedFor).isEmpty();
        assertThat(applied).isEmpty();
    }

    @Test
    void anMtnCallbackNamingNoOpenAttemptIsDroppedUnstoredAndUnlookedUp() {
        UUID madeUp = UUID.randomUUID();
        assertThat(webhooks(MTN_ONLY).receive("mtn", callback(madeUp.toString())))
                .isEqualTo(WebhookOutcome.unknown_payment);
        assertThat(askedFor).containsExactly(madeUp);
        assertThat(applied).as("nothing reaches the inbox, so no row is written").isEmpty();
    }
}
