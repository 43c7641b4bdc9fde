package com.allocar.promos;

import com.allocar.bookings.BookingCharge;
import com.allocar.bookings.BookingSettlement;
import com.allocar.bookings.PassengerRides;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.PromoInvalidException;
import com.allocar.platform.errors.RateLimitedException;
import com.allocar.platform.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Promo codes for passengers (PROMO-1, docs/promos.md): what a code gives on a booking, and the redemption lifecycle
 * that payments drives in its own transactions (reserve at init, consume when paid, release when the payment fails or
 * is refunded in full). Promos never uses payments: payments calls these methods.
 */
@ApplicationScoped
public class Promos {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    PromoRedemptions redemptions;
    @Inject
    BookingSettlement settlement;
    @Inject
    PassengerRides rides;
    @Inject
    RateLimiter limiter;
    @Inject
    AuditService audit;

    /** Codes tried per user per minute (validate and init with a code): codes cannot be enumerated. */
    @Inject
    @ConfigProperty(name = "ALLOCAR_PROMO_ATTEMPTS_PER_MIN", defaultValue = "10")
    int attemptsPerMinute;

    /** A reserved redemption: the passenger pays {@code fare - discount}. */
    public record Reservation(UUID redemptionId, String code, BigDecimal fare, BigDecimal discount) {
        public BigDecimal amountToPay() {
            return fare.subtract(discount);
        }
    }

    /** One more code tried by the user: 429 rate_limited (scope promo) beyond the budget. */
    public void throttle(UUID userId) {
        RateLimiter.Decision decision = limiter.consume("promo:" + userId, attemptsPerMinute);
        if (!decision.allowed()) {
            throw new RateLimitedException("promo", decision.retryAfterSeconds());
        }
    }

    /**
     * What the code gives on the passenger's booking, checked as init would check it but reserving nothing: the
     * booking's live redemption of this code is answered as it stands (it already counts).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PromoQuote validate(UUID userId, UUID bookingId, String code) {
        throttle(userId);
        BookingCharge charge = settlement.chargeFor(userId, bookingId);
        Promo promo = find(code);
        @SuppressWarnings("unchecked")
        List<Object[]> live = em.createNativeQuery("SELECT fare, amount FROM promo_redemptions WHERE booking_id = ?1 "
                        + "AND promo_id = ?2 AND status = 'reserved'")
                .setParameter(1, bookingId).setParameter(2, promo.getId()).getResultList();
        if (!live.isEmpty()) {
            return PromoQuote.of(promo, bookingId, (BigDecimal) live.get(0)[0], (BigDecimal) live.get(0)[1]);
        }
        BigDecimal fare = charge.amount();
        check(promo, userId, bookingId, fare);
        if (promo.getMaxUses() != null && promo.getUsesCount() >= promo.getMaxUses()) {
            throw refused(promo, PromoRefusal.exhausted);
        }
        if (promo.getPerUserLimit() != null && redemptions.liveCount(promo.getId(), userId) >= promo.getPerUserLimit()) {
            throw refused(promo, PromoRefusal.per_user_limit);
        }
        return PromoQuote.of(promo, bookingId, fare, promo.discountFor(fare));
    }

    /** The booking's live redemption (locked), whichever its code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PromoRedemptions.Live> liveOf(UUID bookingId) {
        return redemptions.liveOf(bookingId);
    }

    /**
     * Reserves the code for the booking, in the caller's (init) transaction, the booking locked by the caller: the
     * rules, then per_user_limit under a lock per (promo, user), then one use by a conditional UPDATE. The booking's
     * reserved redemption of this code is returned as it is (a retried init never reserves twice); one of another code
     * must have been released by the caller first.
     *
     * @throws PromoInvalidException 422 promo_invalid with details.reason
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reservation reserve(UUID userId, UUID bookingId, String code, BigDecimal fare) {
        Promo promo = find(code);
        Optional<PromoRedemptions.Live> live = redemptions.liveOf(bookingId);
        if (live.isPresent()) {
            PromoRedemptions.Live held = live.get();
            if (!held.promoId().equals(promo.getId()) || held.status() != RedemptionStatus.reserved) {
                throw new IllegalStateException("booking " + bookingId + " holds redemption " + held.id());
            }
            return new Reservation(held.id(), held.code(), held.fare(), held.discount());
        }
        check(promo, userId, bookingId, fare);
        redemptions.lockUser(promo.getId(), userId);
        if (promo.getPerUserLimit() != null && redemptions.liveCount(promo.getId(), userId) >= promo.getPerUserLimit()) {
            throw refused(promo, PromoRefusal.per_user_limit);
        }
        if (!redemptions.takeUse(promo.getId())) {
            throw refused(promo, PromoRefusal.exhausted);
        }
        BigDecimal discount = promo.discountFor(fare);
        UUID id = redemptions.insert(promo.getId(), userId, bookingId, fare, discount);
        audit.record(ActorType.user, userId, "promo.reserved", "promo_redemptions", id, meta(promo.getId(), bookingId,
                Map.of("code", promo.getCode(), "fare", fare, "discount", discount)));
        return new Reservation(id, promo.getCode(), fare, discount);
    }

    /**
     * The payment carrying the redemption was paid: reserved → consumed. A redemption released meanwhile (its payment
     * had failed, then was paid after all) takes a use again when one is left; if none is, the money is what it is:
     * the discount stands and the over-use is audited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(UUID redemptionId, UUID paymentId) {
        Object[] state = redemptions.stateOf(redemptionId).orElseThrow();
        UUID promoId = (UUID) state[0];
        Map<String, Object> meta = meta(promoId, (UUID) state[3], Map.of("payment_id", paymentId.toString()));
        if (redemptions.markConsumed(redemptionId)) {
            audit.record(ActorType.system, null, "promo.consumed", "promo_redemptions", redemptionId, meta);
            return;
        }
        if (!RedemptionStatus.released.name().equals(state[1])) {
            return; // consumed already (another payment of the booking)
        }
        if (redemptions.takeUse(promoId)) {
            if (redemptions.markConsumedAgain(redemptionId)) {
                audit.record(ActorType.system, null, "promo.consumed", "promo_redemptions", redemptionId, meta);
                return;
            }
            redemptions.giveBackUse(promoId);
        }
        audit.record(ActorType.system, null, "promo.consumed_over_limit", "promo_redemptions", redemptionId, meta);
    }

    /** Reserved or consumed → released, its use given back; nothing when released already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID redemptionId, String reason, UUID paymentId) {
        if (!redemptions.markReleased(redemptionId, reason)) {
            return;
        }
        Object[] state = redemptions.stateOf(redemptionId).orElseThrow();
        redemptions.giveBackUse((UUID) state[0]);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reason", reason);
        if (paymentId != null) {
            extra.put("payment_id", paymentId.toString());
        }
        audit.record(ActorType.system, null, "promo.released", "promo_redemptions", redemptionId,
                meta((UUID) state[0], (UUID) state[3], extra));
    }

    private void check(Promo promo, UUID userId, UUID bookingId, BigDecimal fare) {
        Optional<PromoRefusal> refusal = promo.refusal(Instant.now(), fare);
        if (refusal.isPresent()) {
            throw refused(promo, refusal.get());
        }
        if (promo.isFirstRideOnly() && rides.hasRideBesides(userId, bookingId)) {
            throw refused(promo, PromoRefusal.not_first_ride);
        }
    }

    /** The promo of a code (any case); unknown and inactive alike are 422 reason unknown. */
    private Promo find(String code) {
        String normalized = Promo.normalize(code);
        List<Promo> found = normalized == null || normalized.length() > PromoAdmin.CODE_MAX ? List.of()
                : em.createQuery("SELECT p FROM Promo p WHERE p.code = :code", Promo.class)
                .setParameter("code", normalized).getResultList();
        if (found.isEmpty() || found.get(0).getStatus() != PromoStatus.active) {
            throw new PromoInvalidException(PromoRefusal.unknown.message(), Map.of("reason", PromoRefusal.unknown.name()));
        }
        return found.get(0);
    }

    private static PromoInvalidException refused(Promo promo, PromoRefusal refusal) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", refusal.name());
        details.put("code", promo.getCode());
        if (refusal == PromoRefusal.min_fare) {
            details.put("min_fare", (promo.getMinFare() == null ? Promo.MIN_PAYABLE.add(BigDecimal.ONE)
                    : promo.getMinFare()).setScale(0, java.math.RoundingMode.HALF_UP));
        }
        return new PromoInvalidException(refusal.message(), details);
    }

    private static Map<String, Object> meta(UUID promoId, UUID bookingId, Map<String, ?> more) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("promo_id", promoId.toString());
        meta.put("booking_id", bookingId.toString());
        meta.putAll(more);
        return meta;
    }
}
