package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.platform.errors.WebhookInvalidSignatureException;
import java.time.Instant;

/**
 * Checks that a webhook comes from its provider and reads it. Local work only (HMAC, comparisons, JSON): no
 * remote call, so it may run anywhere; Orange's check reads the stored token through {@link NotificationTokens}.
 */
public interface WebhookVerifier {
    PaymentProvider provider();

    /**
     * @param request the delivery exactly as received (raw body bytes)
     * @param now     the time to judge signature timestamps by
     * @param tokens  stored notification tokens (Orange); {@link NotificationTokens#none()} for the others
     * @throws WebhookInvalidSignatureException (401 {@code webhook_invalid_signature}) when the signature or token
     *                                          is missing, malformed, wrong or outside the time window, or the
     *                                          body cannot be read; {@code details.reason} says which
     * @throws ServiceUnavailableException      (503) when the webhook secret is not configured, so the provider
     *                                          retries later instead of losing the event
     */
    VerifiedNotification verify(WebhookRequest request, Instant now, NotificationTokens tokens);
}
