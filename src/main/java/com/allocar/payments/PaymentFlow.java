package com.allocar.payments;

import com.allocar.payments.provider.Checkout;
import com.allocar.payments.provider.CheckoutRequest;
import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderException;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.promos.Promos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starting a payment (PAY-1, WAL-1 top-ups): transaction 1 opens (or reuses) the payment and its attempt, then the
 * provider is called outside any transaction, then transaction 2 records its answer on that attempt. Unavailable
 * provider: the attempt stays {@code opening} and the client gets 503; retrying is safe (the same attempt is asked
 * for again under the same reference). Refused: the attempt fails, 402 {@code payment_failed}. Wallet payments need
 * no provider: one transaction.
 */
@ApplicationScoped
public class PaymentFlow {
    private static final Logger LOG = Logger.getLogger(PaymentFlow.class.getName());

    @Inject
    PaymentService service;
    @Inject
    PaymentGateways gateways;
    @Inject
    Promos promos;

    @Inject
    @ConfigProperty(name = "ALLOCAR_PAYMENT_RETURN_URL", defaultValue = "https://app.allocar.ci/payments/return")
    String returnUrl;

    /** What init answered, and whether it created the payment (201) or reused an open attempt (200). */
    public record Started(PaymentStarted answer, boolean created) {
    }

    /** @param promoCode a promo code to apply (any case), or null: counted against the user's code attempts */
    public Started payBooking(UUID userId, UUID bookingId, PaymentMethod method, String promoCode) {
        if (promoCode != null) {
            promos.throttle(userId);
        }
        if (method == PaymentMethod.wallet) {
            PaymentView paid = service.payFromWallet(userId, bookingId, promoCode);
            return new Started(new PaymentStarted(paid, null, Map.of("name", "wallet")), true);
        }
        PaymentGateway gateway = gateways.require(method);
        PaymentService.Opened opened = service.openForBooking(userId, bookingId, method, promoCode);
        Started started = start(gateway, opened);
        cancelSuperseded(opened);
        return started;
    }

    public Started topUp(UUID userId, BigDecimal amount, PaymentMethod method) {
        if (method == PaymentMethod.wallet) {
            throw com.allocar.platform.errors.ValidationException.field("method", "must be one of wave, orange, mtn, card");
        }
        PaymentGateway gateway = gateways.require(method);
        return start(gateway, service.openTopup(userId, amount, method));
    }

    private Started start(PaymentGateway gateway, PaymentService.Opened opened) {
        Map<String, String> provider = new LinkedHashMap<>();
        provider.put("name", gateway.provider().name());
        PaymentService.Reuse reuse = opened.reuse();
        if (reuse != null) {
            // the live attempt is still payable: the payer goes back to it, no second attempt at the provider
            JsonObject appData = JsonFields.parseOrNull(reuse.appDataJson());
            if (appData != null) {
                appData.forEach((key, value) -> provider.put(key, JsonFields.string(appData, key)));
            }
            return new Started(new PaymentStarted(reuse.payment(), reuse.redirectUrl(), provider), false);
        }
        String back = returnUrl + (returnUrl.contains("?") ? "&" : "?") + "payment_id=" + opened.paymentId();
        Checkout checkout;
        try {
            checkout = gateway.start(new CheckoutRequest(opened.attemptId(), opened.amount(), "XOF",
                    opened.payerPhone(), opened.description(), back + "&result=success", back + "&result=error"));
        } catch (ProviderRefusedException e) {
            service.failAtStart(opened.paymentId(), opened.attemptId(),
                    e.providerCode() == null ? "refused" : e.providerCode());
            throw e.toApiException();
        } catch (ProviderUnavailableException e) {
            LOG.warning(() -> "Payment " + opened.paymentId() + " attempt " + opened.attemptId() + " left opening: "
                    + e.getMessage());
            service.releaseOpening(opened.attemptId());
            throw e.toApiException();
        }
        PaymentView view = service.recordCheckout(opened.paymentId(), opened.attemptId(), checkout);
        provider.putAll(checkout.appData());
        return new Started(new PaymentStarted(view, checkout.redirectUrl(), provider), opened.created());
    }

    /**
     * The attempts the payer is no longer sent to (an attempt replaced by a new one, or the booking's attempts with
     * another method) are stopped at their providers where they can be.
     */
    private void cancelSuperseded(PaymentService.Opened opened) {
        for (PaymentRepository.OpenAttempt attempt : opened.superseded()) {
            try {
                PaymentGateway gateway = gateways.gateway(attempt.provider());
                if (gateway.available()) {
                    gateway.cancel(attempt.ref());
                }
            } catch (ProviderException e) {
                // best effort: if it is paid anyway, its webhook records it and the extra money is refunded
                LOG.info(() -> "Could not cancel superseded attempt " + attempt.ref().paymentId() + ": " + e.getMessage());
            }
        }
    }
}
