package com.allocar.admin;

import com.allocar.identity.Sessions;
import com.allocar.identity.User;
import com.allocar.identity.UserStatus;
import com.allocar.identity.UserView;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Users as the back office sees them (ADM-2): search, detail, activate and suspend. */
@ApplicationScoped
public class AdminUserService {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(UserStatus.class))
            .filter("is_driver", FilterType.BOOLEAN)
            .filter("created", FilterType.INSTANT)
            .parameters("query", "created_from", "created_to")
            .sortable("created_at", "last_name", "rating_avg")
            .defaultSort("created_at", true)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("is_driver", "driver", "created", "createdAt",
            "created_at", "createdAt", "last_name", "lastName", "rating_avg", "ratingAvg");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Sessions sessions;
    @Inject
    AuditService audit;

    /** {@code query} matches phone, email or names (case-insensitive); created_from/to bound the sign-up date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UserView> list(ListQuery query, String text, Instant createdFrom, Instant createdTo) {
        return JpaLists.page(em, User.class, query, ATTRIBUTES, (cb, root) -> {
            List<Predicate> where = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                String like = "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("phone")), like, '\\'),
                        cb.like(cb.lower(root.get("email")), like, '\\'),
                        cb.like(cb.lower(root.get("firstName")), like, '\\'),
                        cb.like(cb.lower(root.get("lastName")), like, '\\')));
            }
            if (createdFrom != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), createdFrom));
            }
            if (createdTo != null) {
                where.add(cb.lessThanOrEqualTo(root.get("createdAt"), createdTo));
            }
            return where;
        }).map(UserView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(UUID id) {
        return UserView.of(load(id));
    }

    /** Suspends (every session ends at once) or reactivates a user; audited with the reason. */
    @Transactional
    public UserView changeStatus(UUID adminId, UUID userId, UserStatus status, String reason) {
        User user = load(userId);
        if (user.getStatus() != status) {
            if (status == UserStatus.suspended) {
                user.suspend(Instant.now());
                sessions.endAllForUser(userId);
            } else {
                user.reactivate();
            }
            audit.record(ActorType.admin, adminId, status == UserStatus.suspended ? "user.suspend" : "user.reactivate",
                    "users", userId, reason == null ? Map.of() : Map.of("reason", reason));
        }
        return UserView.of(user);
    }

    private User load(UUID id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFoundException("No such user.");
        }
        return user;
    }
}
