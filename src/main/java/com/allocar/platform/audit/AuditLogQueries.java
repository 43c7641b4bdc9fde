package com.allocar.platform.audit;

import com.allocar.platform.api.Page;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;

/** The admin list of audit entries, filtered by actor, entity, action and period. */
@ApplicationScoped
public class AuditLogQueries {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("actor_type", FilterType.of(ActorType.class))
            .filter("actor_id", FilterType.UUID_VALUE)
            .filter("action", FilterType.TEXT)
            .filter("entity", FilterType.TEXT)
            .filter("entity_id", FilterType.UUID_VALUE)
            .filter("request_id", FilterType.TEXT)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "action", "entity")
            .defaultSort("created_at", true)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "actor_type", "actorType", "actor_id", "actorId", "entity_id", "entityId",
            "request_id", "requestId", "created_at", "createdAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditLogView> list(ListQuery query) {
        return JpaLists.page(em, AuditLog.class, query, ATTRIBUTES, JpaLists.Scope.none()).map(AuditLogView::of);
    }
}
