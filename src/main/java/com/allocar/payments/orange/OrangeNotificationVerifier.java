package com.allocar.payments.orange;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.payments.provider.WebhookVerifier;
import com.allocar.platform.errors.WebhookInvalidSignatureException;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Orange Money notifications: {@code POST notif_url} with {@code {"status": "SUCCESS" | "FAILED", "notif_token",
 * "txnid"}}, no HMAC. The payment is named by our {@code payment_id} query parameter (we put it in the
 * {@code notif_url}); the notification is genuine only if its {@code notif_token} equals the one stored for that
 * payment at init (compared in constant time). Even then it is a claim: confirm with a status look-up.
 */
public final class OrangeNotificationVerifier implements WebhookVerifier {

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.orange;
    }

    @Override
    public VerifiedNotification verify(WebhookRequest request, Instant now, NotificationTokens tokens) {
        UUID paymentId = paymentId(request.query("payment_id"));
        JsonObject body = JsonFields.parseOrNull(request.bodyText());
        String given = JsonFields.string(body, "notif_token");
        if (given == null) {
            throw TimestampedSignature.invalid("missing", "The notification has no notif_token.");
        }
        Optional<String> stored = tokens.notifTokenOf(paymentId);
        if (stored.isEmpty() || !TimestampedSignature.constantTimeEquals(stored.get(), given)) {
            throw TimestampedSignature.invalid("mismatch", "The notif_token does not match.");
        }
        String status = JsonFields.string(body, "status");
        String txnid = JsonFields.string(body, "txnid");
        ProviderPaymentStatus claimed = OrangeGateway.status(status);
        return new VerifiedNotification(PaymentProvider.orange,
                "orange:" + paymentId + ":" + status + ":" + (txnid == null ? "-" : txnid), "notification",
                paymentId.toString(), null, claimed, null, null, txnid, null, true);
    }

    private static UUID paymentId(String text) {
        if (text == null) {
            throw malformed();
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static WebhookInvalidSignatureException malformed() {
        return TimestampedSignature.invalid("malformed", "The notification does not name a payment.");
    }
}
