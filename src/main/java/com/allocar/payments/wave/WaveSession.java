package com.allocar.payments.wave;

import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderPaymentStatus;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Wave checkout session, as Wave returns it and sends it in webhooks. Paid only when
 * {@code checkout_status = complete} and {@code payment_status = succeeded}.
 */
record WaveSession(String id, BigDecimal amount, String currency, String clientReference, String checkoutStatus,
                   String paymentStatus, String transactionId, String launchUrl, Instant whenExpires,
                   String lastPaymentErrorCode, String json) {

    static WaveSession of(JsonObject session) {
        JsonObject error = JsonFields.object(session, "last_payment_error");
        return new WaveSession(JsonFields.string(session, "id"), JsonFields.amount(session, "amount"),
                JsonFields.string(session, "currency"), JsonFields.string(session, "client_reference"),
                JsonFields.string(session, "checkout_status"), JsonFields.string(session, "payment_status"),
                JsonFields.string(session, "transaction_id"), JsonFields.string(session, "wave_launch_url"),
                JsonFields.instant(session, "when_expires"), JsonFields.string(error, "code"), session.toString());
    }

    /**
     * complete + succeeded → succeeded; expired → expired; complete otherwise → failed; open (even after a failed
     * try, which the payer may repeat in the same session) → pending.
     */
    ProviderPaymentStatus status() {
        if (paid()) {
            return ProviderPaymentStatus.succeeded;
        }
        if ("expired".equals(checkoutStatus)) {
            return ProviderPaymentStatus.expired;
        }
        if ("complete".equals(checkoutStatus)) {
            return ProviderPaymentStatus.failed;
        }
        return ProviderPaymentStatus.pending;
    }

    boolean paid() {
        return "complete".equals(checkoutStatus) && "succeeded".equals(paymentStatus);
    }

    boolean open() {
        return "open".equals(checkoutStatus);
    }

    /** Wave's words: {@code checkout_status/payment_status}. */
    String rawStatus() {
        return checkoutStatus + "/" + paymentStatus;
    }
}
