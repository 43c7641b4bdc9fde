package com.allocar.ratings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keeps {@code users.rating_avg} and {@code rating_count} equal to the user's visible ratings. Each recomputation
 * runs after a row lock on the user taken in a statement of its own, so its aggregate (a new statement, hence a new
 * snapshot under READ COMMITTED) sees every rating committed by the transactions that held the lock before: two
 * reveals at once cannot both count from the same old state. {@code FOR NO KEY UPDATE} does not wait for the key
 * share locks that inserting a rating takes on its users, so raters never deadlock on them; several users are locked
 * in id order.
 */
@ApplicationScoped
public class RatingAverages {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** Recomputes the users' averages from their visible ratings, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(Collection<UUID> userIds) {
        List<UUID> ids = userIds.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("SELECT id FROM users WHERE id IN (?1) ORDER BY id FOR NO KEY UPDATE")
                .setParameter(1, ids).getResultList();
        for (UUID id : ids) {
            // the users trigger rewrites the search legs' driver_rating in this same transaction when it changes
            em.createNativeQuery("UPDATE users u SET rating_avg = s.average, rating_count = s.total "
                            + "FROM (SELECT coalesce(round(avg(stars), 2), 0) AS average, count(*) AS total FROM ratings "
                            + "WHERE to_user_id = ?1 AND revealed_at IS NOT NULL) s "
                            + "WHERE u.id = ?1 AND (u.rating_avg <> s.average OR u.rating_count <> s.total)")
                    .setParameter(1, id).executeUpdate();
        }
    }
}
