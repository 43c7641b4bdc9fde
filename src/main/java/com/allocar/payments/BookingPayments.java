package com.allocar.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What higher domains (earnings, reports) may read of a booking's money, without reaching into payments' tables. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BookingPayments {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /**
     * The payment that paid the booking, with the commission and fees recorded when it was settled: the first one
     * collected (a later success is an extra payment, refunded in full, and earns nothing).
     */
    public Optional<Collected> settledPayment(UUID bookingId) {
        List<Payment> paid = em.createQuery("SELECT p FROM Payment p WHERE p.booking.id = :booking "
                        + "AND p.status IN :collected ORDER BY p.paidAt, p.id", Payment.class)
                .setParameter("booking", bookingId).setParameter("collected", PaymentRepository.COLLECTED)
                .setMaxResults(1).getResultList();
        return paid.stream().findFirst().map(p -> new Collected(p.getId(), p.getAmount(), p.getCommission(),
                p.getFees(), p.getRefundedAmount(), p.getDiscount()));
    }

    /**
     * @param amount     what the passenger paid
     * @param commission the platform's percent commission on the fare
     * @param fees       the platform's fixed fee on the fare
     * @param refunded   what was given back so far
     * @param discount   the promo discount on the fare, borne by the platform (0 without a promo)
     */
    public record Collected(UUID paymentId, BigDecimal amount, BigDecimal commission, BigDecimal fees,
                            BigDecimal refunded, BigDecimal discount) {
        /** The fare: what the ride earns on, whatever the passenger's discount. */
        public BigDecimal fare() {
            return amount.add(discount);
        }
    }
}
