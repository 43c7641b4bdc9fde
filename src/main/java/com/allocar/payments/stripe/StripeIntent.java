package com.allocar.payments.stripe;

import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderPaymentStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;

/** A Stripe PaymentIntent, as the API returns it and webhooks carry it. XOF is zero-decimal: 5000 = 5000 F. */
record StripeIntent(String id, String status, BigDecimal amount, BigDecimal amountReceived, String currency,
                    String paymentId, String clientSecret, String latestChargeId, boolean chargeRefunded,
                    String lastErrorCode, JsonObject json) {

    static StripeIntent of(JsonObject intent) {
        JsonValue charge = intent.get("latest_charge");
        String chargeId = charge instanceof JsonObject expanded ? JsonFields.string(expanded, "id")
                : JsonFields.string(intent, "latest_charge");
        boolean refunded = charge instanceof JsonObject expanded && expanded.get("refunded") == JsonValue.TRUE;
        JsonObject error = JsonFields.object(intent, "last_payment_error");
        String errorCode = error == null ? null
                : JsonFields.string(error, "decline_code") != null ? JsonFields.string(error, "decline_code")
                : JsonFields.string(error, "code");
        String currency = JsonFields.string(intent, "currency");
        return new StripeIntent(JsonFields.string(intent, "id"), JsonFields.string(intent, "status"),
                JsonFields.amount(intent, "amount"), JsonFields.amount(intent, "amount_received"),
                currency == null ? null : currency.toUpperCase(Locale.ROOT),
                JsonFields.string(JsonFields.object(intent, "metadata"), "payment_id"),
                JsonFields.string(intent, "client_secret"), chargeId, refunded, errorCode, intent);
    }

    /**
     * succeeded → succeeded (refunded when its charge is fully refunded); canceled → failed; requires_payment_method
     * (new, or after a declined try that the app may repeat), requires_confirmation, requires_action, processing,
     * requires_capture → pending.
     */
    ProviderPaymentStatus normalized() {
        return switch (status == null ? "" : status) {
            case "succeeded" -> chargeRefunded ? ProviderPaymentStatus.refunded : ProviderPaymentStatus.succeeded;
            case "canceled" -> ProviderPaymentStatus.failed;
            default -> ProviderPaymentStatus.pending;
        };
    }
}
