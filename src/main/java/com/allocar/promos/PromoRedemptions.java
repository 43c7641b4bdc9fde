package com.allocar.promos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of promo uses and redemptions: every change of a count or of a state is one conditional UPDATE, so limits
 * hold under concurrency and a state moves once (DESIGN: never read-check-write in Java).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PromoRedemptions {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** The booking's live (reserved or consumed) redemption, locked. */
    public record Live(UUID id, UUID promoId, String code, BigDecimal discount, BigDecimal fare,
                       RedemptionStatus status) {
    }

    public Optional<Live> liveOf(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, r.promo_id, p.code, r.amount, r.fare, r.status "
                        + "FROM promo_redemptions r JOIN promos p ON p.id = r.promo_id "
                        + "WHERE r.booking_id = ?1 AND r.status <> 'released' FOR UPDATE OF r")
                .setParameter(1, bookingId).getResultList();
        return rows.stream().findFirst().map(row -> new Live((UUID) row[0], (UUID) row[1], (String) row[2],
                (BigDecimal) row[3], (BigDecimal) row[4], RedemptionStatus.valueOf((String) row[5])));
    }

    /** Serialises the reservations of one user on one promo until the transaction ends (per_user_limit). */
    void lockUser(UUID promoId, UUID userId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "promo:" + promoId + ":" + userId).getSingleResult();
    }

    /** The user's reserved and consumed redemptions of the promo. */
    @Transactional(Transactional.TxType.SUPPORTS)
    long liveCount(UUID promoId, UUID userId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM promo_redemptions WHERE promo_id = ?1 "
                        + "AND user_id = ?2 AND status <> 'released'")
                .setParameter(1, promoId).setParameter(2, userId).getSingleResult()).longValue();
    }

    /**
     * Takes one use: {@code uses_count + 1} only while below max_uses and the promo is active. Concurrent callers
     * queue on the row; each re-reads the count the one before committed, so at most max_uses succeed.
     */
    boolean takeUse(UUID promoId) {
        return em.createNativeQuery("UPDATE promos SET uses_count = uses_count + 1 WHERE id = ?1 AND status = 'active' "
                        + "AND (max_uses IS NULL OR uses_count < max_uses)")
                .setParameter(1, promoId).executeUpdate() == 1;
    }

    /** A use that counted no more (its redemption released). */
    void giveBackUse(UUID promoId) {
        em.createNativeQuery("UPDATE promos SET uses_count = uses_count - 1 WHERE id = ?1 AND uses_count > 0")
                .setParameter(1, promoId).executeUpdate();
    }

    UUID insert(UUID promoId, UUID userId, UUID bookingId, BigDecimal fare, BigDecimal discount) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO promo_redemptions (id, promo_id, user_id, booking_id, fare, amount, status) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'reserved')")
                .setParameter(1, id).setParameter(2, promoId).setParameter(3, userId).setParameter(4, bookingId)
                .setParameter(5, fare).setParameter(6, discount).executeUpdate();
        return id;
    }

    /** reserved → consumed; false when it was not reserved. */
    boolean markConsumed(UUID id) {
        return em.createNativeQuery("UPDATE promo_redemptions SET status = 'consumed', consumed_at = now() "
                + "WHERE id = ?1 AND status = 'reserved'").setParameter(1, id).executeUpdate() == 1;
    }

    /** released → consumed (a payment paid after its redemption was released, its use taken again). */
    boolean markConsumedAgain(UUID id) {
        return em.createNativeQuery("UPDATE promo_redemptions SET status = 'consumed', consumed_at = now(), "
                        + "released_at = NULL, release_reason = NULL WHERE id = ?1 AND status = 'released' "
                        + "AND NOT EXISTS (SELECT 1 FROM promo_redemptions o WHERE o.booking_id = "
                        + "promo_redemptions.booking_id AND o.id <> ?1 AND o.status <> 'released')")
                .setParameter(1, id).executeUpdate() == 1;
    }

    /** reserved or consumed → released; false when it was released already. */
    boolean markReleased(UUID id, String reason) {
        return em.createNativeQuery("UPDATE promo_redemptions SET status = 'released', released_at = now(), "
                        + "release_reason = ?2 WHERE id = ?1 AND status <> 'released'")
                .setParameter(1, id).setParameter(2, reason).executeUpdate() == 1;
    }

    /** The promo and status of a redemption (after a conditional update, read from the database). */
    Optional<Object[]> stateOf(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT promo_id, status, user_id, booking_id, amount "
                + "FROM promo_redemptions WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst();
    }

    /** Usage of a promo, aggregated in SQL (admin detail). */
    @Transactional(Transactional.TxType.SUPPORTS)
    PromoUsage usage(UUID promoId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT count(*) FILTER (WHERE status = 'reserved'), "
                        + "count(*) FILTER (WHERE status = 'consumed'), count(*) FILTER (WHERE status = 'released'), "
                        + "coalesce(sum(amount) FILTER (WHERE status = 'consumed'), 0), "
                        + "count(DISTINCT user_id) FILTER (WHERE status = 'consumed') "
                        + "FROM promo_redemptions WHERE promo_id = ?1")
                .setParameter(1, promoId).getSingleResult();
        return new PromoUsage(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((BigDecimal) row[3]).setScale(0, java.math.RoundingMode.HALF_UP),
                ((Number) row[4]).longValue());
    }

    /** Whether any redemption (in any state) refers to the promo: its code and type then stay as they are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    boolean anyOf(UUID promoId) {
        return !em.createNativeQuery("SELECT 1 FROM promo_redemptions WHERE promo_id = ?1 LIMIT 1")
                .setParameter(1, promoId).getResultList().isEmpty();
    }
}
