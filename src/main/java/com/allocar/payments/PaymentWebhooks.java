package com.allocar.payments;

import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderException;
import com.allocar.payments.provider.ProviderPaymentRef;
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
 * notif_token, MTN nothing), then, for the hints (Orange, MTN), the provider's status looked up OUTSIDE any
 * transaction, then applied by {@link WebhookInbox} in one transaction.
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
     * @throws com.allocar.platform.errors.WebhookInvalidSignatureException 401 (signature, token, time window)
     * @throws com.allocar.platform.errors.ServiceUnavailableException      503 (not configured, look-up failed):
     *                                                                      the provider retries later
     */
    public WebhookOutcome receive(String providerName, WebhookRequest request) {
        PaymentProvider provider = provider(providerName);
        PaymentGateway gateway = gateways.gateway(provider);
        NotificationTokens tokens = provider == PaymentProvider.orange ? service::notifTokenOf : NotificationTokens.none();
        VerifiedNotification event = gateway.webhookVerifier().verify(request, Instant.now(), tokens);
        ProviderStatus looked = null;
        if (event.lookUpRequired() && event.aboutPayment()) {
            Optional<ProviderPaymentRef> ref = uuid(event.paymentId())
                    .flatMap(id -> service.providerRefOf(id, WebhookInbox.methodOf(event)));
            if (ref.isPresent()) {
                try {
                    looked = gateway.lookUp(ref.get());
                } catch (ProviderException e) {
                    throw e.toApiException();
                }
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
