package com.allocar.payments;

import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderException;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.VerifiedNotification;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * PAY-5 against card testing: every failed card confirmation counts, not every payment (one PaymentIntent can be
 * confirmed with any number of cards). Each Stripe {@code payment_intent.payment_failed} event and each refusal
 * when an intent is made is one {@code card_failures} row, counted per user over 24 h. When a failure brings the
 * user to the limit, the user's card intents that can still be confirmed are cancelled at Stripe after the commit,
 * so no further card can be tried on them; new card payments are refused by
 * {@link PaymentService#requireCardAllowed} until the oldest counted failure is 24 h old.
 */
@ApplicationScoped
public class CardFailures {
    /** The event Stripe sends for each failed confirmation (not for a cancellation, which is ours). */
    static final String FAILED_CONFIRMATION = "payment_intent.payment_failed";
    private static final Logger LOG = Logger.getLogger(CardFailures.class.getName());

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    PaymentGateways gateways;
    @Inject
    PaymentRepository payments;
    @Inject
    AuditService audit;
    @Inject
    Event<LimitReached> limitReached;

    /** Fired in the transaction whose failure reached the limit; observed after its commit. */
    public record LimitReached(UUID userId) {
    }

    /** Whether a verified event reports one failed card confirmation. */
    static boolean isFailedConfirmation(VerifiedNotification event) {
        return FAILED_CONFIRMATION.equals(event.eventType());
    }

    /**
     * Counts one failed confirmation of a card payment (once per provider event: {@code eventId} null for a
     * refusal at creation), in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Payment payment, String eventId, String reason) {
        if (payment.getMethod() != PaymentMethod.card) {
            return;
        }
        int inserted = em.createNativeQuery("INSERT INTO card_failures (user_id, payment_id, event_id, reason) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING")
                .setParameter(1, payment.getUserId()).setParameter(2, payment.getId()).setParameter(3, eventId)
                .setParameter(4, reason).executeUpdate();
        if (inserted == 1 && payments.cardFailuresSince(payment.getUserId(), Instant.now().minus(PaymentService.CARD_FAILURE_WINDOW),
                PaymentService.CARD_FAILURES_MAX).size() >= PaymentService.CARD_FAILURES_MAX) {
            audit.record(ActorType.system, null, "payment.card_failure_limit", "payments", payment.getId(),
                    Map.of("user_id", payment.getUserId().toString(), "limit", PaymentService.CARD_FAILURES_MAX));
            limitReached.fire(new LimitReached(payment.getUserId()));
        }
    }

    void onLimitReached(@Observes(during = TransactionPhase.AFTER_SUCCESS) LimitReached reached) {
        try {
            scheduler.execute(() -> cancelIntents(reached.userId()));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Card intents of user " + reached.userId() + " not cancelled: " + e.getMessage());
        }
    }

    /**
     * Cancels, at Stripe, every intent (attempt) of the user's unpaid card payments from the window, superseded ones
     * included: any of them could still be confirmed with another card. Best effort.
     */
    void cancelIntents(UUID userId) {
        Instant since = Instant.now().minus(PaymentService.CARD_FAILURE_WINDOW.plus(Duration.ofHours(24)));
        List<Object[]> unpaid = em.createQuery("SELECT a, p FROM PaymentAttempt a, Payment p WHERE p.id = a.paymentId "
                        + "AND p.userId = :user AND p.method = :card AND p.status IN :unpaid AND a.providerRef IS NOT NULL "
                        + "AND a.status IN :cancellable AND p.createdAt > :since", Object[].class)
                .setParameter("user", userId).setParameter("card", PaymentMethod.card)
                .setParameter("unpaid", List.of(PaymentStatus.init, PaymentStatus.authorized, PaymentStatus.failed))
                .setParameter("cancellable", List.of(AttemptStatus.opening, AttemptStatus.open, AttemptStatus.superseded,
                        AttemptStatus.failed))
                .setParameter("since", since).getResultList();
        PaymentGateway stripe = gateways.forMethod(PaymentMethod.card).filter(PaymentGateway::available).orElse(null);
        if (stripe == null) {
            return;
        }
        for (Object[] row : unpaid) {
            ProviderPaymentRef ref = ((PaymentAttempt) row[0]).ref((Payment) row[1]);
            try {
                stripe.cancel(ref);
                LOG.info(() -> "Card attempt " + ref.paymentId() + " cancelled at Stripe: card failure limit reached");
            } catch (ProviderException e) {
                // already cancelled or succeeded meanwhile: nothing more to stop
                LOG.info(() -> "Card attempt " + ref.paymentId() + " not cancelled: " + e.getMessage());
            }
        }
    }
}
