package com.allocar.payments;

import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.JsonFields;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one verified webhook (PAY-2) in ONE transaction: the {@code webhook_events} inbox row (unique provider +
 * event id: a duplicate inserts nothing and changes nothing), the payment's row locked, amount, currency, provider
 * and reference checked against what we stored, then the payment's move and its consequences (settlement,
 * commission, refund, top-up credit). Everything commits together or not at all.
 */
@ApplicationScoped
public class WebhookInbox {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    PaymentRepository payments;
    @Inject
    PaymentSettler settler;
    @Inject
    Refunds refunds;
    @Inject
    CardFailures cardFailures;
    @Inject
    ProviderReversals reversals;
    @Inject
    AuditService audit;
    @Inject
    Event<PaymentOutcome> outcomes;

    /**
     * @param looked the provider's status look-up when the notification was only a hint (Orange, MTN), else null
     */
    @Transactional
    public WebhookOutcome apply(VerifiedNotification event, ProviderStatus looked, String body) {
        return apply(event, looked, body, LookUpOrigin.webhook);
    }

    /**
     * A final status that we looked up ourselves (the poller, the daily reconciliation), applied exactly as a hint
     * confirmed by that look-up: inbox row ({@code <origin>:<attempt>:<status>:<txn>}, so applying the same answer
     * twice is a duplicate), the payment locked, the look-up's facts checked against the attempt, then settled or
     * failed. The poller asks only about attempts still waiting; the reconciliation may also repair a {@code failed}
     * attempt the provider reports paid (a success is accepted from failed, as for a signed webhook). Never
     * un-pays: a paid attempt reported failed is {@code already_applied}.
     */
    @Transactional
    public WebhookOutcome applyLookUp(UUID attemptId, ProviderStatus looked, LookUpOrigin origin) {
        if (!looked.status().isFinal()) {
            return WebhookOutcome.pending;
        }
        String txn = looked.providerTxnId() == null ? "-" : looked.providerTxnId();
        VerifiedNotification event = new VerifiedNotification(looked.provider(),
                origin.name() + ":" + attemptId + ":" + looked.status() + ":" + txn, origin.name(), attemptId.toString(),
                null, looked.status(), looked.amount(), looked.currency(), looked.providerTxnId(),
                looked.failureReason(), true);
        return apply(event, looked, looked.raw(), origin);
    }

    private WebhookOutcome apply(VerifiedNotification event, ProviderStatus looked, String body, LookUpOrigin origin) {
        boolean hint = event.lookUpRequired();
        Optional<Located> found = event.aboutPayment() ? find(event) : Optional.empty();
        if (hint && (found.isEmpty() || !origin.accepts(found.get().attempt().getStatus(), looked))) {
            // an unsigned hint names no attempt of ours still waiting for this provider's word: nothing is stored
            return found.isEmpty() ? WebhookOutcome.unknown_payment : WebhookOutcome.already_applied;
        }
        if (hint && (looked == null || !looked.status().isFinal())) {
            // not consumed: the same notification, delivered again once the provider is done, must be applied
            return WebhookOutcome.pending;
        }
        Optional<UUID> inboxId = insert(event, body);
        if (inboxId.isEmpty()) {
            return WebhookOutcome.duplicate;
        }
        if (!event.aboutPayment()) {
            return finish(inboxId.get(), null, WebhookOutcome.ignored);
        }
        ProviderPaymentStatus status = hint ? looked.status() : event.claimedStatus();
        if (found.isEmpty()) {
            // a signed success naming nothing of ours is money somewhere: finance looks at it
            return finish(inboxId.get(), null, status == ProviderPaymentStatus.succeeded
                    ? WebhookOutcome.needs_review : WebhookOutcome.unknown_payment);
        }
        Payment payment = found.get().payment();
        PaymentAttempt attempt = found.get().attempt();
        Optional<String> problem = hint ? lookUpMismatch(payment, attempt, looked) : eventMismatch(payment, attempt, event);
        if (problem.isPresent()) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("provider", event.provider().name());
            meta.put("event_id", event.eventId());
            meta.put("attempt_id", attempt.getId().toString());
            meta.put("field", problem.get());
            meta.put("expected_amount", payment.getAmount());
            meta.put("reported_amount", hint ? looked.amount() : event.amount());
            meta.put("reported_currency", hint ? looked.currency() : event.currency());
            audit.record(ActorType.system, null, "payment.webhook_mismatch", "payments", payment.getId(), meta);
            outcomes.fire(new PaymentOutcome(payment.getId(), payment.getMethod(), "mismatch"));
            if (status == ProviderPaymentStatus.succeeded && attempt.getStatus().canMoveTo(AttemptStatus.needs_review)) {
                attempt.needsReview(problem.get());
                return finish(inboxId.get(), payment.getId(), WebhookOutcome.needs_review);
            }
            return finish(inboxId.get(), payment.getId(), WebhookOutcome.mismatch);
        }
        if (hint) {
            attempt.setRawPayload(looked.raw());
        }
        String txnId = hint ? looked.providerTxnId() : event.providerTxnId();
        String reason = hint ? looked.failureReason() : event.failureReason();
        String source = origin.name() + ":" + event.provider();
        if (!hint && CardFailures.isFailedConfirmation(event)) {
            cardFailures.record(payment, event.eventId(), reason);
        }
        WebhookOutcome outcome = switch (status) {
            case succeeded -> {
                if (!attempt.getStatus().canMoveTo(AttemptStatus.succeeded)) {
                    yield WebhookOutcome.already_applied;
                }
                settler.attemptSucceeded(payment, attempt, txnId, source);
                yield WebhookOutcome.applied;
            }
            case failed, expired -> settler.attemptFailed(payment, attempt, reason == null ? status.name() : reason,
                    source, payments.hasOtherLiveAttempt(payment.getId(), attempt.getId()))
                    ? WebhookOutcome.applied : WebhookOutcome.already_applied;
            case refunded -> {
                BigDecimal before = payment.getRefundedAmount();
                WebhookOutcome applied = providerRefunded(payment, hint ? looked.amount() : event.amount(), txnId);
                reversals.refunded(payment, payment.getRefundedAmount().subtract(before), event.eventId());
                yield applied;
            }
            case disputed -> reversals.disputed(payment, event.amount(), event.eventId(), reason);
            case pending -> WebhookOutcome.pending;
        };
        return finish(inboxId.get(), attempt.getPaymentId(), outcome);
    }

    /**
     * The provider says {@code refundedSoFar} of the payment was refunded (Stripe {@code charge.refunded}): our pending
     * refunds are completed oldest first up to it; anything beyond (a refund made in the provider's dashboard) is
     * recorded as a completed refund of its own, so refunded_amount stays the sum of the completed refunds.
     */
    private WebhookOutcome providerRefunded(Payment payment, BigDecimal refundedSoFar, String providerRefundId) {
        if (refundedSoFar == null || !payment.getStatus().collected()
                || refundedSoFar.compareTo(payment.getRefundedAmount()) <= 0) {
            return WebhookOutcome.already_applied;
        }
        BigDecimal known = payment.getRefundedAmount();
        for (PaymentRefund refund : payments.pendingRefundsOf(payment.getId())) {
            if (refund.getRoute() == RefundRoute.ORIGINAL && known.add(refund.getAmount()).compareTo(refundedSoFar) <= 0) {
                refunds.completeByProvider(payment, refund, null);
                known = known.add(refund.getAmount());
            }
        }
        if (refundedSoFar.compareTo(known) > 0) {
            refunds.recordProviderRefund(payment, refundedSoFar.subtract(known), providerRefundId);
        }
        return WebhookOutcome.applied;
    }

    /** An attempt and the payment its money is recorded on, both locked. */
    record Located(Payment payment, PaymentAttempt attempt) {
    }

    /**
     * The attempt the event is about, by our reference (the attempt's id) or else the provider's, of this provider;
     * locked after its payment (trip → booking → payment → attempt, the order of every settlement and refund).
     */
    private Optional<Located> find(VerifiedNotification event) {
        UUID id = uuid(event.paymentId());
        Optional<PaymentAttempt> attempt = id == null ? Optional.empty() : payments.attempt(id);
        if (attempt.isEmpty() && event.providerRef() != null) {
            attempt = payments.attemptByProviderRef(event.provider(), event.providerRef());
        }
        return attempt.filter(a -> a.getProvider() == event.provider())
                .flatMap(a -> payments.lockForSettlement(a.getPaymentId())
                        .map(payment -> new Located(payment, payments.lockAttempt(a))));
    }

    /** A signed event carries the facts itself: they must be the attempt's. */
    static Optional<String> eventMismatch(Payment payment, PaymentAttempt attempt, VerifiedNotification event) {
        if (attempt.getProvider() != event.provider()) {
            return Optional.of("provider");
        }
        if (event.paymentId() != null && !event.paymentId().equals(String.valueOf(attempt.getId()))) {
            return Optional.of("reference");
        }
        if (event.providerRef() != null && attempt.getProviderRef() != null
                && !event.providerRef().equals(attempt.getProviderRef())) {
            return Optional.of("reference");
        }
        if (event.currency() != null && !event.currency().equalsIgnoreCase(payment.getCurrency())) {
            return Optional.of("currency");
        }
        if (event.claimedStatus() == ProviderPaymentStatus.refunded
                || event.claimedStatus() == ProviderPaymentStatus.disputed) {
            return event.amount() != null && event.amount().compareTo(payment.getAmount()) > 0
                    ? Optional.of("amount") : Optional.empty();
        }
        if (event.claimedStatus() == ProviderPaymentStatus.succeeded
                && (event.amount() == null || event.currency() == null)) {
            return Optional.of(event.amount() == null ? "amount" : "currency");
        }
        if (event.amount() != null && !Amounts.same(event.amount(), payment.getAmount())) {
            return Optional.of("amount");
        }
        return Optional.empty();
    }

    /** A hint was confirmed by a look-up: the look-up's facts must be the attempt's. */
    static Optional<String> lookUpMismatch(Payment payment, PaymentAttempt attempt, ProviderStatus looked) {
        if (attempt.getProvider() != looked.provider()) {
            return Optional.of("provider");
        }
        if (looked.amount() != null && !Amounts.same(looked.amount(), payment.getAmount())) {
            return Optional.of("amount");
        }
        if (looked.currency() != null && !looked.currency().equalsIgnoreCase(payment.getCurrency())) {
            return Optional.of("currency");
        }
        if (looked.ourReference() != null && !looked.ourReference().equals(String.valueOf(attempt.getId()))
                || looked.providerRef() != null && !looked.providerRef().equals(attempt.getProviderRef())) {
            return Optional.of("reference");
        }
        return Optional.empty();
    }

    private Optional<UUID> insert(VerifiedNotification event, String body) {
        String payload = JsonFields.parseOrNull(body) != null ? body
                : Json.createObjectBuilder().add("body", body == null ? "" : body).build().toString();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("INSERT INTO webhook_events (provider, event_id, event_type, payload) "
                        + "VALUES (?1, ?2, NULLIF(?3, ''), CAST(?4 AS jsonb)) ON CONFLICT (provider, event_id) DO NOTHING RETURNING id")
                .setParameter(1, event.provider().name()).setParameter(2, event.eventId())
                .setParameter(3, event.eventType() == null ? "" : event.eventType()).setParameter(4, payload).getResultList();
        return ids.stream().findFirst().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString()));
    }

    private WebhookOutcome finish(UUID inboxId, UUID paymentId, WebhookOutcome outcome) {
        em.flush();
        if (paymentId == null) {
            em.createNativeQuery("UPDATE webhook_events SET processed_at = now(), outcome = ?1 WHERE id = ?2")
                    .setParameter(1, outcome.name()).setParameter(2, inboxId).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE webhook_events SET processed_at = now(), payment_id = ?1, outcome = ?2 "
                            + "WHERE id = ?3")
                    .setParameter(1, paymentId).setParameter(2, outcome.name()).setParameter(3, inboxId).executeUpdate();
        }
        return outcome;
    }

    private static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
