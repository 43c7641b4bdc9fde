package com.allocar.platform.security;

import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.JpaLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The one way user routes load what belongs to the caller (AUTH-7): another user's resource is answered
 * exactly like a missing one, 404 {@code not_found}, so ids of others' resources reveal nothing.
 */
@ApplicationScoped
public class Ownership {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Inject
    Caller caller;

    /** The caller's resource, or 404. */
    public <T extends Owned> T mine(Class<T> type, UUID id) {
        return check(id == null ? null : em.find(type, id));
    }

    /** The caller's resource, locked for update in the current transaction, or 404. */
    public <T extends Owned> T mineForUpdate(Class<T> type, UUID id) {
        return check(id == null ? null : em.find(type, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A list condition keeping only the caller's rows; {@code ownerAttribute} names the owner's id path. */
    public <T> JpaLists.Scope<T> mineOnly(String ownerAttribute) {
        UUID me = caller.userId();
        return (cb, root) -> {
            jakarta.persistence.criteria.Path<?> path = root;
            for (String part : ownerAttribute.split("\\.")) {
                path = path.get(part);
            }
            return List.of(cb.equal(path, me));
        };
    }

    private <T extends Owned> T check(T found) {
        if (found == null || !found.ownerId().equals(caller.userId())) {
            throw new NotFoundException("No such resource.");
        }
        return found;
    }
}
