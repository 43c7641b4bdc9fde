package com.allocar.payments;

import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A provider's webhook (PAY-2): verified on the raw bytes (Wave and Stripe signatures, Orange's stored
 * notif_token, MTN nothing), then, for the hints (Orange, MTN) about an attempt of ours still waiting for that
 * provider, the provider's status looked up OUTSIDE any transaction, then applied by {@link WebhookInbox} in one
 * transaction. An unconfigured provider is 404, as an unknown one.
 */
@ApplicationScoped
public class PaymentWebhooks {
    @Inject
    PaymentGateways gateways;
    @Inject
    PaymentService service;
    @Inject
    WebhookInbox inbox;

    /**
     * @throws NotFoundException                                            404 for a provider we do not have or
     *                                                                      that is not configured
     * @throws com.allocar.platform.errors.WebhookInvalidSignatureException 401 (signature, token, time window)
     * @throws com.allocar.platform.errors.ServiceUnavailableException      503 (no webhook secret, look-up failed):
     *                                                                      the provider retries later
     */
    public WebhookOutcome receive(String providerName, WebhookRequest request) {
        PaymentProvider provider = provider(providerName);
        PaymentGateway gateway = gateways.gateway(provider);
        if (!gateway.available()) {
            // nobody can have been sent to it: an unconfigured provider's route does not exist (issue 12)
            throw new NotFoundException("No such payment provider.");
        }
        NotificationTokens tokens = provider == PaymentProvider.orange ? service::notifTokenOf : NotificationTokens.none();
        VerifiedNotification event = gateway.webhookVerifier().verify(request, Instant.now(), tokens);
        ProviderStatus looked = null;
        if (event.lookUpRequired() && event.aboutPayment()) {
            // unsigned: acted on (a look-up, an inbox row) only for an attempt of ours still waiting for this provider
            PaymentService.HintTarget target = uuid(event.paymentId()).map(id -> service.hintTarget(id, provider))
                    .orElse(new PaymentService.HintTarget(false, null));
            if (target.ref() == null) {
                return target.known() ? WebhookOutcome.already_applied : WebhookOutcome.unknown_payment;
            }
            try {
                looked = gateway.lookUp(target.ref());
            } catch (ProviderException e) {
                throw e.toApiException();
            }
        }
        return inbox.apply(event, looked, request.bodyText());
    }

    private static PaymentProvider provider(String name) {
        try {
            return PaymentProvider.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException("No such payment provider.");
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
