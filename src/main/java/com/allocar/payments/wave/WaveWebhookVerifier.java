package com.allocar.payments.wave;

import com.allocar.payments.PaymentProvider;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.NotificationTokens;
import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.payments.provider.WebhookRequest;
import com.allocar.payments.provider.WebhookVerifier;
import com.allocar.platform.errors.ServiceUnavailableException;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Wave's webhooks. Signing-secret strategy: {@code Wave-Signature: t=<unix>,v1=<hex>[,v1=…]}, HMAC-SHA256 of the
 * timestamp text immediately followed by the raw body (see {@link TimestampedSignature}, no separator), 300 s
 * old at most, 30 s ahead at most. Shared-secret strategy: {@code Authorization: Bearer <secret>}, compared in
 * constant time (no timestamp: replays are stopped by the inbox's event id). With the strategy {@code either}, a
 * delivery that carries a {@code Wave-Signature} is held to it (a bad signature is refused whatever else it
 * carries), any other to the bearer. Events:
 * {@code {"id": "EV_…", "type": "checkout.session.completed" | "checkout.session.payment_failed" | …, "data": {session}}};
 * checkout session events carry the whole session, so they need no look-up.
 */
public final class WaveWebhookVerifier implements WebhookVerifier {
    public static final String SIGNATURE_HEADER = "Wave-Signature";
    private final WaveSettings settings;

    public WaveWebhookVerifier(WaveSettings settings) {
        this.settings = settings;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.wave;
    }

    @Override
    public VerifiedNotification verify(WebhookRequest request, Instant now, NotificationTokens tokens) {
        String secret = settings.webhookSecret();
        if (secret == null) {
            throw new ServiceUnavailableException("Wave webhooks are not configured.");
        }
        WaveSettings.WebhookStrategy strategy = settings.webhookStrategy();
        if (strategy == WaveSettings.WebhookStrategy.shared_secret
                || (strategy == WaveSettings.WebhookStrategy.either && request.header(SIGNATURE_HEADER) == null)) {
            String authorization = request.header("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                throw TimestampedSignature.invalid("missing", "The Authorization header is missing.");
            }
            if (!TimestampedSignature.constantTimeEquals(secret, authorization.substring("Bearer ".length()).strip())) {
                throw TimestampedSignature.invalid("mismatch", "The webhook secret does not match.");
            }
        } else {
            TimestampedSignature.verify(SIGNATURE_HEADER, request.header(SIGNATURE_HEADER), request.body(),
                    secret.getBytes(StandardCharsets.UTF_8), TimestampedSignature.NO_SEPARATOR, now);
        }
        return read(request.bodyText());
    }

    static VerifiedNotification read(String body) {
        JsonObject event = JsonFields.parseOrNull(body);
        String id = JsonFields.string(event, "id");
        if (id == null) {
            throw TimestampedSignature.invalid("malformed", "The webhook body is not a Wave event.");
        }
        String type = JsonFields.string(event, "type");
        JsonObject data = JsonFields.object(event, "data");
        if (type == null || !type.startsWith("checkout.session.") || data == null) {
            return new VerifiedNotification(PaymentProvider.wave, id, type, null, null, null, null, null, null, null,
                    false);
        }
        WaveSession session = WaveSession.of(data);
        return new VerifiedNotification(PaymentProvider.wave, id, type, session.clientReference(), session.id(),
                session.status(), session.amount(), session.currency(), session.transactionId(),
                session.lastPaymentErrorCode(), false);
    }
}
