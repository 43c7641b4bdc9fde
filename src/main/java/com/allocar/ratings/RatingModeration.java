package com.allocar.ratings;

import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Comment moderation (RATE-1): moderators list every rating, blind ones included, and hide or show again a comment.
 * Hiding keeps the stars (and so the averages): the public list shows the rating without its comment. Audited.
 */
@ApplicationScoped
public class RatingModeration {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("to_user_id", FilterType.UUID_VALUE)
            .filter("from_user_id", FilterType.UUID_VALUE)
            .filter("booking_id", FilterType.UUID_VALUE)
            .filter("comment_hidden", FilterType.BOOLEAN)
            .filter("role", FilterType.of(RatingRole.class))
            .filter("stars", FilterType.NUMBER)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "stars")
            .defaultSort("created_at", true)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("to_user_id", "toUserId", "from_user_id", "fromUserId",
            "booking_id", "bookingId", "comment_hidden", "commentHidden", "created_at", "createdAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AdminRatingView> list(ListQuery query) {
        return JpaLists.page(em, Rating.class, query, ATTRIBUTES, JpaLists.Scope.none()).map(AdminRatingView::of);
    }

    /** Hides ({@code hidden}) or shows again the rating's comment, with the moderator's reason; audited. */
    @Transactional
    public AdminRatingView moderate(UUID adminId, UUID id, boolean hidden, String reason) {
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Object[]>) em.createNativeQuery("SELECT comment IS NOT NULL, comment_hidden "
                + "FROM ratings WHERE id = ?1 FOR UPDATE").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("No such rating.");
        }
        boolean hasComment = (Boolean) rows.get(0)[0];
        boolean wasHidden = (Boolean) rows.get(0)[1];
        if (!hasComment) {
            throw new ConflictException("This rating has no comment to moderate.", Map.of("reason", "no_comment"));
        }
        if (hidden) {
            em.createNativeQuery("UPDATE ratings SET comment_hidden = true, comment_hidden_reason = ?2, "
                            + "comment_hidden_by = ?3, comment_hidden_at = now() WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, reason).setParameter(3, adminId).executeUpdate();
        } else {
            em.createNativeQuery("UPDATE ratings SET comment_hidden = false, comment_hidden_reason = NULL, "
                    + "comment_hidden_by = NULL, comment_hidden_at = NULL WHERE id = ?1").setParameter(1, id)
                    .executeUpdate();
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("reason", reason);
        meta.put("was_hidden", wasHidden);
        audit.record(ActorType.admin, adminId, hidden ? "rating.comment_hidden" : "rating.comment_shown", "ratings", id,
                meta);
        em.flush();
        em.clear();
        return AdminRatingView.of(em.find(Rating.class, id));
    }
}
