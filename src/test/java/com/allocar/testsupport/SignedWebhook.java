package com.allocar.testsupport;

import com.allocar.payments.provider.TimestampedSignature;
import com.allocar.payments.provider.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook as a provider would deliver it: the headers (signature included), the query parameters of the
 * provider's callback URL (Orange, MTN: {@code payment_id}) and the exact body. Post it to our webhook endpoint
 * ({@code body()} as is), or hand it to a verifier with {@link #toRequest()}.
 */
public record SignedWebhook(String method, Map<String, String> headers, Map<String, String> query, String body) {

    /**
     * A delivery signed as Wave ({@code Wave-Signature}, no separator) and Stripe ({@code Stripe-Signature}, "."
     * separator) sign theirs: {@code t=<signedAt>,v1=<HMAC-SHA256 of t, separator and body, keyed with secret>}.
     */
    public static SignedWebhook timestamped(String headerName, byte[] separator, String secret, String body,
                                            Instant signedAt, String contentType) {
        String header = TimestampedSignature.header(secret.getBytes(StandardCharsets.UTF_8), signedAt.getEpochSecond(),
                separator, body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put(headerName, header);
        return new SignedWebhook("POST", headers, Map.of(), body);
    }

    public WebhookRequest toRequest() {
        return WebhookRequest.of(headers, query, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The same delivery with another body (a tampered one: the signature no longer covers it). */
    public SignedWebhook withBody(String otherBody) {
        return new SignedWebhook(method, headers, query, otherBody);
    }

    /** The same delivery with another value for one header. */
    public SignedWebhook withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new SignedWebhook(method, changed, query, body);
    }

    /** The query string ({@code ?payment_id=…}), or "" when none. */
    public String queryString() {
        StringBuilder text = new StringBuilder();
        query.forEach((name, value) -> text.append(text.length() == 0 ? '?' : '&').append(name).append('=').append(value));
        return text.toString();
    }
}
