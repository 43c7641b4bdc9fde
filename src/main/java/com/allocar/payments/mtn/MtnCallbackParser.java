package com.allocar.payments.mtn;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.payments.provider.WebhookVerifier;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * MTN's callback: the request-to-pay object ({@code externalId}, {@code status}, {@code financialTransactionId},
 * {@code reason}, …), PUT or POST to {@code X-Callback-Url}, with <b>no signature</b>. Anyone can send one, so it
 * is only a hint naming a payment ({@code externalId}, else our {@code payment_id} query parameter): nothing is
 * applied before a status look-up ({@code lookUpRequired} is always true).
 */
public final class MtnCallbackParser implements WebhookVerifier {
    private final MtnSettings settings;

    public MtnCallbackParser(MtnSettings settings) {
        this.settings = settings;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.mtn;
    }

    @Override
    public VerifiedNotification verify(WebhookRequest request, Instant now, NotificationTokens tokens) {
        JsonObject body = JsonFields.parseOrNull(request.bodyText());
        String reference = JsonFields.string(body, "externalId");
        if (reference == null) {
            reference = request.query("payment_id");
        }
        if (reference == null || !isUuid(reference)) {
            throw TimestampedSignature.invalid("malformed", "The callback does not name a payment.");
        }
        String status = JsonFields.string(body, "status");
        String txn = JsonFields.string(body, "financialTransactionId");
        String currency = JsonFields.string(body, "currency");
        return new VerifiedNotification(PaymentProvider.mtn,
                "mtn:" + reference + ":" + status + ":" + (txn == null ? "-" : txn), "callback", reference, null,
                MtnGateway.status(status), JsonFields.amount(body, "amount"),
                currency != null && currency.equals(settings.currency()) ? Amounts.XOF : currency, txn,
                MtnGateway.reason(body), true);
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
