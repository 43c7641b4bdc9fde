package com.allocar.payments.stripe;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.payments.provider.WebhookVerifier;
import com.allocar.platform.errors.ServiceUnavailableException;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Stripe's webhooks: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=…]}, HMAC-SHA256 keyed with the endpoint's
 * {@code whsec_…} secret over {@code "<t>.<raw body>"} (see {@link TimestampedSignature}), 300 s tolerance. Events
 * read: {@code payment_intent.succeeded} (succeeded), {@code payment_intent.payment_failed} and
 * {@code payment_intent.canceled} (failed), {@code charge.refunded} (refunded, amount = the amount refunded so
 * far), {@code charge.dispute.created} (disputed, amount = the disputed amount); any other type is verified and
 * returned without a claimed status. Signed events need no look-up.
 */
public final class StripeWebhookVerifier implements WebhookVerifier {
    public static final String SIGNATURE_HEADER = "Stripe-Signature";
    private final StripeSettings settings;

    public StripeWebhookVerifier(StripeSettings settings) {
        this.settings = settings;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.stripe;
    }

    @Override
    public VerifiedNotification verify(WebhookRequest request, Instant now, NotificationTokens tokens) {
        if (settings.webhookSecret() == null) {
            throw new ServiceUnavailableException("Stripe webhooks are not configured.");
        }
        TimestampedSignature.verify(SIGNATURE_HEADER, request.header(SIGNATURE_HEADER), request.body(),
                settings.webhookSecret().getBytes(StandardCharsets.UTF_8), TimestampedSignature.DOT, now);
        return read(request.bodyText());
    }

    static VerifiedNotification read(String body) {
        JsonObject event = JsonFields.parseOrNull(body);
        String id = JsonFields.string(event, "id");
        if (id == null) {
            throw TimestampedSignature.invalid("malformed", "The webhook body is not a Stripe event.");
        }
        String type = JsonFields.string(event, "type");
        JsonObject object = JsonFields.object(JsonFields.object(event, "data"), "object");
        if (object == null || type == null) {
            return unrelated(id, type);
        }
        return switch (type) {
            case "payment_intent.succeeded" -> intentEvent(id, type, object, ProviderPaymentStatus.succeeded);
            case "payment_intent.payment_failed", "payment_intent.canceled" ->
                    intentEvent(id, type, object, ProviderPaymentStatus.failed);
            case "charge.refunded" -> {
                String currency = JsonFields.string(object, "currency");
                yield new VerifiedNotification(PaymentProvider.stripe, id, type,
                        JsonFields.string(JsonFields.object(object, "metadata"), "payment_id"),
                        JsonFields.string(object, "payment_intent"), ProviderPaymentStatus.refunded,
                        JsonFields.amount(object, "amount_refunded"),
                        currency == null ? null : currency.toUpperCase(Locale.ROOT), JsonFields.string(object, "id"),
                        null, false);
            }
            case "charge.dispute.created" -> {
                // a Dispute names the charge and its PaymentIntent, not our metadata: found by the intent
                String currency = JsonFields.string(object, "currency");
                yield new VerifiedNotification(PaymentProvider.stripe, id, type, null,
                        JsonFields.string(object, "payment_intent"), ProviderPaymentStatus.disputed,
                        JsonFields.amount(object, "amount"),
                        currency == null ? null : currency.toUpperCase(Locale.ROOT), JsonFields.string(object, "id"),
                        JsonFields.string(object, "reason"), false);
            }
            default -> unrelated(id, type);
        };
    }

    private static VerifiedNotification intentEvent(String id, String type, JsonObject object,
                                                    ProviderPaymentStatus claimed) {
        StripeIntent intent = StripeIntent.of(object);
        boolean succeeded = claimed == ProviderPaymentStatus.succeeded;
        return new VerifiedNotification(PaymentProvider.stripe, id, type, intent.paymentId(), intent.id(), claimed,
                succeeded && intent.amountReceived() != null ? intent.amountReceived() : intent.amount(),
                intent.currency(), intent.latestChargeId(), intent.lastErrorCode(), false);
    }

    private static VerifiedNotification unrelated(String id, String type) {
        return new VerifiedNotification(PaymentProvider.stripe, id, type, null, null, null, null, null, null, null,
                false);
    }
}
