package com.allocar.payments;

import com.allocar.bookings.BookingSettlement;
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

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    BookingSettlement settlement;

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

    /** The id of the payment of a provider attempt (methods map to providers one to one). */
    public Optional<UUID> idByProviderRef(PaymentMethod method, String providerRef) {
        return em.createQuery("SELECT p.id FROM Payment p WHERE p.method = :method AND p.providerRef = :ref", UUID.class)
                .setParameter("method", method).setParameter("ref", providerRef).getResultStream().findFirst();
    }

    /**
     * The open attempt of the booking with this method, created when there is none. Concurrent calls make one
     * (the partial unique index ux_payments_booking_method_open: the loser's insert does nothing and it reads the
     * winner's row). Locked.
     */
    public Attempt openAttempt(UUID bookingId, UUID payerId, PaymentMethod method, BigDecimal amount) {
        int inserted = em.createNativeQuery("INSERT INTO payments (purpose, booking_id, user_id, method, amount) "
                        + "VALUES ('booking', ?1, ?2, ?3, ?4) ON CONFLICT (booking_id, method) "
                        + "WHERE purpose = 'booking' AND status IN ('init', 'authorized') DO NOTHING")
                .setParameter(1, bookingId).setParameter(2, payerId).setParameter(3, method.name())
                .setParameter(4, amount).executeUpdate();
        Payment payment = em.createQuery("SELECT p FROM Payment p WHERE p.booking.id = :booking "
                        + "AND p.method = :method AND p.status IN :open", Payment.class)
                .setParameter("booking", bookingId).setParameter("method", method).setParameter("open", OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        return new Attempt(payment, inserted == 1);
    }

    /** An open attempt, and whether this call created it. */
    public record Attempt(Payment payment, boolean created) {
    }

    /** The booking's open attempts with other methods that reached their provider (to cancel there). */
    public List<Payment> otherOpenAttempts(UUID bookingId, PaymentMethod method) {
        return em.createQuery("SELECT p FROM Payment p WHERE p.booking.id = :booking AND p.method <> :method "
                        + "AND p.status IN :open AND p.providerRef IS NOT NULL", Payment.class)
                .setParameter("booking", bookingId).setParameter("method", method).setParameter("open", OPEN)
                .getResultList();
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

    /** The payment's refunds not settled yet (pending, or in review), oldest first. */
    public List<PaymentRefund> pendingRefundsOf(UUID paymentId) {
        return em.createQuery("SELECT r FROM PaymentRefund r WHERE r.paymentId = :payment AND r.status IN :unsettled "
                        + "ORDER BY r.createdAt, r.id", PaymentRefund.class)
                .setParameter("payment", paymentId)
                .setParameter("unsettled", List.of(RefundStatus.pending, RefundStatus.needs_review)).getResultList();
    }
}
