package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A webhook that passed its provider's check, read into what the caller needs.
 *
 * @param eventId          the inbox key ({@code webhook_events.event_id}, unique per provider): Wave and Stripe
 *                         event ids; for Orange and MTN, which send none, a key built from the payment, status and
 *                         transaction id, so a repeated notification is a duplicate
 * @param eventType        Wave/Stripe event type; {@code notification} (Orange) or {@code callback} (MTN)
 * @param paymentId        our reference of the attempt (payment_attempts.id) when the notification carries it
 *                         (Wave client_reference, Stripe metadata[payment_id], MTN externalId, Orange's notif_url
 *                         parameter), else null
 * @param providerRef      the attempt's provider id when carried (Wave session, Stripe PaymentIntent), else null
 * @param claimedStatus    the status the notification claims, or null when the event is not about a payment's
 *                         status (other event types): store it in the inbox and do nothing
 * @param amount           the amount the event is about when carried (for {@code refunded}: the amount refunded so
 *                         far), else null
 * @param currency         upper-case currency when carried, else null
 * @param providerTxnId    the provider's transaction id when carried, else null
 * @param failureReason    the provider's failure reason when carried, else null
 * @param lookUpRequired   true when the notification is only a hint (Orange: its token proves the sender but
 *                         Orange asks for a status check; MTN: no signature at all): apply nothing before
 *                         {@link PaymentGateway#lookUp} confirms it
 */
public record VerifiedNotification(PaymentProvider provider, String eventId, String eventType, String paymentId,
                                   String providerRef, ProviderPaymentStatus claimedStatus, BigDecimal amount,
                                   String currency, String providerTxnId, String failureReason,
                                   boolean lookUpRequired) {
    public VerifiedNotification {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventId, "eventId");
    }

    /** Whether the event says something about a payment's status. */
    public boolean aboutPayment() {
        return claimedStatus != null && (paymentId != null || providerRef != null);
    }
}
