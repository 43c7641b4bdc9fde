package com.allocar.payments;

import com.allocar.bookings.BookingSettlement;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.platform.api.Page;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Payment and refund queries; the caller's transaction. */
@ApplicationScoped
public class PaymentRepository {
    private static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "method", "method",
            "booking_id", "booking.id", "created_at", "createdAt", "amount", "amount");
    static final List<PaymentStatus> OPEN = List.of(PaymentStatus.init, PaymentStatus.authorized);
    static final List<PaymentStatus> COLLECTED = List.of(PaymentStatus.paid, PaymentStatus.refunded);
    static final List<AttemptStatus> LIVE = List.of(AttemptStatus.opening, AttemptStatus.open);

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingSettlement settlement;
    @Inject
    AttemptPolls polls;

    public Optional<Payment> find(UUID id) {
        return Optional.ofNullable(em.find(Payment.class, id));
    }

    /** The payment, its row locked until the transaction ends (webhooks, refunds and settlement serialise on it). */
    public Optional<Payment> lock(UUID id) {
        return Optional.ofNullable(em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The payment locked for a change that may settle its booking. Lock order everywhere: the booking's trip, the
     * booking ({@link BookingSettlement#lockBooking}), then the payment, so that a webhook settling a booking and a
     * cancellation refunding it never deadlock. Call it first in a fresh transaction.
     */
    public Optional<Payment> lockForSettlement(UUID id) {
        em.createQuery("SELECT p.booking.id FROM Payment p WHERE p.id = :id AND p.booking IS NOT NULL", UUID.class)
                .setParameter("id", id).getResultList().forEach(settlement::lockBooking);
        return lock(id);
    }

    /**
     * The open payment of the booking with this method, created when there is none. Concurrent calls make one
     * (the partial unique index ux_payments_booking_method_open: the loser's insert does nothing and it reads the
     * winner's row). Locked.
     */
    public Attempt openPayment(UUID bookingId, UUID payerId, PaymentMethod method, BigDecimal amount,
                               BigDecimal discount, UUID redemptionId) {
        // two statements: a null bound to a uuid column may be typed bytea by Hibernate
        String columns = redemptionId == null ? "" : ", discount, promo_redemption_id";
        String values = redemptionId == null ? "" : ", ?5, ?6";
        var insert = em.createNativeQuery("INSERT INTO payments (purpose, booking_id, user_id, method, amount"
                        + columns + ") VALUES ('booking', ?1, ?2, ?3, ?4" + values + ") ON CONFLICT (booking_id, method) "
                        + "WHERE purpose = 'booking' AND status IN ('init', 'authorized') DO NOTHING")
                .setParameter(1, bookingId).setParameter(2, payerId).setParameter(3, method.name())
                .setParameter(4, amount);
        if (redemptionId != null) {
            insert.setParameter(5, discount).setParameter(6, redemptionId);
        }
        int inserted = insert.executeUpdate();
        Payment payment = em.createQuery("SELECT p FROM Payment p WHERE p.booking.id = :booking "
                        + "AND p.method = :method AND p.status IN :open", Payment.class)
                .setParameter("booking", bookingId).setParameter("method", method).setParameter("open", OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        return new Attempt(payment, inserted == 1);
    }

    /** An open payment, and whether this call created it. */
    public record Attempt(Payment payment, boolean created) {
    }

    /**
     * A new attempt of the (locked) payment, {@code opening}. Its id is our reference at the provider: the payment's
     * own id for the first attempt (what every provider held before attempts had rows), a new one afterwards. The
     * poller will ask its provider about it if no notification settles it first ({@link AttemptPolls#schedule}).
     */
    public PaymentAttempt newAttempt(Payment payment, PaymentProvider provider) {
        Object id = em.createNativeQuery("INSERT INTO payment_attempts (id, payment_id, provider, opening_until) SELECT "
                        + "CASE WHEN EXISTS (SELECT 1 FROM payment_attempts WHERE id = ?1) THEN gen_random_uuid() ELSE ?1 END, "
                        + "?1, ?2, now() + make_interval(secs => ?3) RETURNING id")
                .setParameter(1, payment.getId()).setParameter(2, provider.name())
                .setParameter(3, PaymentService.OPENING_LEASE.toSeconds()).getResultList().get(0);
        UUID attemptId = id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
        polls.schedule(attemptId);
        return em.find(PaymentAttempt.class, attemptId);
    }

    public Optional<PaymentAttempt> attempt(UUID id) {
        return Optional.ofNullable(em.find(PaymentAttempt.class, id));
    }

    /** The attempt of {@code provider} that it knows as {@code providerRef}. */
    public Optional<PaymentAttempt> attemptByProviderRef(PaymentProvider provider, String providerRef) {
        return em.createQuery("SELECT a FROM PaymentAttempt a WHERE a.provider = :provider AND a.providerRef = :ref",
                        PaymentAttempt.class)
                .setParameter("provider", provider).setParameter("ref", providerRef).getResultStream().findFirst();
    }

    /** The attempt, its row locked (after its payment's: the lock order is trip, booking, payment, attempt). */
    public PaymentAttempt lockAttempt(PaymentAttempt attempt) {
        em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
        return attempt;
    }

    /** The payment's live attempt (opening or open; at most one), locked. */
    public Optional<PaymentAttempt> liveAttempt(UUID paymentId) {
        return em.createQuery("SELECT a FROM PaymentAttempt a WHERE a.paymentId = :payment AND a.status IN :live",
                        PaymentAttempt.class)
                .setParameter("payment", paymentId).setParameter("live", LIVE)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** Pushes an opening attempt's lease on (a retry takes over an attempt whose opener went away). */
    public void touch(PaymentAttempt attempt) {
        em.createNativeQuery("UPDATE payment_attempts SET opening_until = now() + make_interval(secs => ?2) WHERE id = ?1")
                .setParameter(1, attempt.getId()).setParameter(2, PaymentService.OPENING_LEASE.toSeconds())
                .executeUpdate();
    }

    /** The provider call for this attempt ended without an answer: the next init may call again at once. */
    public void releaseOpening(UUID attemptId) {
        em.createNativeQuery("UPDATE payment_attempts SET opening_until = now() WHERE id = ?1 AND status = 'opening'")
                .setParameter(1, attemptId).executeUpdate();
    }

    /** What a provider needs to refund the payment: its succeeded attempt; null when none reached a provider. */
    public ProviderPaymentRef collectedRef(Payment payment) {
        return em.createQuery("SELECT a FROM PaymentAttempt a WHERE a.paymentId = :payment AND a.status = :succeeded "
                        + "ORDER BY a.updatedAt", PaymentAttempt.class)
                .setParameter("payment", payment.getId()).setParameter("succeeded", AttemptStatus.succeeded)
                .getResultStream().findFirst().map(a -> a.ref(payment)).orElse(null);
    }

    /**
     * The attempts of the booking that reached a provider and may still be paid there: the live attempts of its
     * open payments other than {@code exceptPayment} (may be null), and, when {@code withSuperseded}, every superseded
     * attempt of its payments. To stop at the provider once another attempt or a cancellation replaces them.
     */
    public List<OpenAttempt> cancellableAttempts(UUID bookingId, UUID exceptPayment, boolean withSuperseded) {
        List<Object[]> rows = em.createQuery("SELECT a, p FROM PaymentAttempt a, Payment p WHERE p.id = a.paymentId "
                        + "AND p.booking.id = :booking AND a.providerRef IS NOT NULL AND ((a.status IN :live "
                        + "AND p.status IN :open AND p.id <> :except) OR (:superseded = TRUE AND a.status = :gone))",
                        Object[].class)
                .setParameter("booking", bookingId)
                .setParameter("except", exceptPayment == null ? new UUID(0, 0) : exceptPayment)
                .setParameter("superseded", withSuperseded).setParameter("gone", AttemptStatus.superseded)
                .setParameter("live", LIVE).setParameter("open", OPEN).getResultList();
        return rows.stream().map(row -> new OpenAttempt(((PaymentAttempt) row[0]).getProvider(),
                ((PaymentAttempt) row[0]).ref((Payment) row[1]))).toList();
    }

    /** An attempt that may still be paid at its provider. */
    public record OpenAttempt(PaymentProvider provider, ProviderPaymentRef ref) {
    }

    /** Whether the payment has a live attempt other than {@code attemptId}. */
    public boolean hasOtherLiveAttempt(UUID paymentId, UUID attemptId) {
        return em.createQuery("SELECT COUNT(a) FROM PaymentAttempt a WHERE a.paymentId = :payment AND a.id <> :attempt "
                        + "AND a.status IN :live", Long.class)
                .setParameter("payment", paymentId).setParameter("attempt", attemptId).setParameter("live", LIVE)
                .getSingleResult() > 0;
    }

    /** The booking's collected payments (paid, or refunded in part or in full), oldest payment first, locked. */
    public List<Payment> lockCollected(UUID bookingId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.booking.id = :booking AND p.status IN :collected "
                        + "ORDER BY p.paidAt, p.id", Payment.class)
                .setParameter("booking", bookingId).setParameter("collected", COLLECTED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * When the user's card confirmations failed since {@code since} (each failed try, {@link CardFailures}), newest
     * first, at most {@code limit}.
     */
    public List<Instant> cardFailuresSince(UUID userId, Instant since, int limit) {
        return em.createQuery("SELECT f.failedAt FROM CardFailure f WHERE f.userId = :user AND f.failedAt > :since "
                        + "ORDER BY f.failedAt DESC", Instant.class)
                .setParameter("user", userId).setParameter("since", since).setMaxResults(limit).getResultList();
    }

    public Page<Payment> page(ListQuery query, JpaLists.Scope<Payment> scope) {
        return JpaLists.page(em, Payment.class, query, ATTRIBUTES, scope);
    }

    /** What is being refunded on the payment now (pending refunds, and those finance reviews: they may be paid). */
    public BigDecimal pendingRefunds(UUID paymentId) {
        BigDecimal sum = em.createQuery("SELECT COALESCE(SUM(r.amount), 0) FROM PaymentRefund r "
                        + "WHERE r.paymentId = :payment AND r.status IN :unsettled", BigDecimal.class)
                .setParameter("payment", paymentId)
                .setParameter("unsettled", List.of(RefundStatus.pending, RefundStatus.needs_review)).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** The open payments carrying a promo redemption, locked (a replaced code stops them). */
    public List<Payment> openWithRedemption(UUID redemptionId) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.promoRedemptionId = :redemption AND p.status IN :open "
                        + "ORDER BY p.createdAt, p.id", Payment.class)
                .setParameter("redemption", redemptionId).setParameter("open", OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * Whether a payment other than {@code paymentId} still holds the redemption: open (it may be paid), or collected
     * and not refunded in full.
     */
    public boolean otherHolder(UUID redemptionId, UUID paymentId) {
        return em.createQuery("SELECT count(p) FROM Payment p WHERE p.promoRedemptionId = :redemption "
                        + "AND p.id <> :payment AND (p.status IN :open OR (p.status IN :collected "
                        + "AND p.refundedAmount < p.amount))", Long.class)
                .setParameter("redemption", redemptionId).setParameter("payment", paymentId)
                .setParameter("open", OPEN).setParameter("collected", COLLECTED).getSingleResult() > 0;
    }

    /** The payment's refunds not settled yet (pending, or in review), oldest first. */
    public List<PaymentRefund> pendingRefundsOf(UUID paymentId) {
        return em.createQuery("SELECT r FROM PaymentRefund r WHERE r.paymentId = :payment AND r.status IN :unsettled "
                        + "ORDER BY r.createdAt, r.id", PaymentRefund.class)
                .setParameter("payment", paymentId)
                .setParameter("unsettled", List.of(RefundStatus.pending, RefundStatus.needs_review)).getResultList();
    }
}
