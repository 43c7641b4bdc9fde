package com.allocar.payments;

/**
 * What a webhook delivery did ({@code webhook_events.outcome}, and the answer's {@code data.outcome}).
 *
 * <ul>
 *   <li>{@code applied}: the payment moved (paid, failed, refunded).</li>
 *   <li>{@code already_applied}: the payment was already there (or further: never backwards).</li>
 *   <li>{@code duplicate}: this event id was received before; nothing changed (no new inbox row).</li>
 *   <li>{@code pending}: the provider's status is not final yet; for look-up providers the event is not consumed,
 *   so a later delivery of it is applied.</li>
 *   <li>{@code mismatch}: amount, currency, provider or reference differ from the stored payment: unchanged,
 *   audited.</li>
 *   <li>{@code needs_review}: a verified success we could not apply automatically (amount or currency not ours, or
 *   a signed event naming no attempt of ours): nothing moved, the attempt and the inbox row are flagged for
 *   finance ({@code GET /admin/payment-attempts/needs-review}).</li>
 *   <li>{@code unknown_payment}: no such payment here; for an unsigned hint (Orange, MTN), no open attempt of that
 *   provider: nothing is stored.</li>
 *   <li>{@code ignored}: an event type that says nothing about a payment's status.</li>
 * </ul>
 */
public enum WebhookOutcome {
    applied, already_applied, duplicate, pending, mismatch, needs_review, unknown_payment, ignored
}
