package com.allocar.platform.audit;

import com.allocar.platform.json.Json;
import com.allocar.platform.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * Writes audit_logs (OBS-4). Joins the caller's transaction, so an audited change and its audit row commit
 * or roll back together; the request id and client address of the current request are attached.
 */
@ApplicationScoped
public class AuditService {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditLog record(ActorType actorType, UUID actorId, String action, String entity, UUID entityId,
                           Map<String, ?> meta) {
        return write(actorType, actorId, action, entity, entityId, meta);
    }

    /**
     * For what must be kept even though the request then fails (a refused sign-in, a detected token reuse):
     * commits on its own, whatever happens to the caller's transaction.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditLog recordIndependently(ActorType actorType, UUID actorId, String action, String entity, UUID entityId,
                                        Map<String, ?> meta) {
        return write(actorType, actorId, action, entity, entityId, meta);
    }

    private AuditLog write(ActorType actorType, UUID actorId, String action, String entity, UUID entityId,
                           Map<String, ?> meta) {
        AuditLog entry = new AuditLog(actorType, actorId, action, entity, entityId,
                meta == null || meta.isEmpty() ? null : Json.write(meta));
        if (RequestContext.inRequest()) {
            entry.withRequest(RequestContext.requestId(), RequestContext.clientIp());
        }
        em.persist(entry);
        return entry;
    }
}
