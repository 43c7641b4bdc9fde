package com.allocar.platform.audit;

import com.allocar.platform.json.Json;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An audit entry as admins see it. */
public record AuditLogView(UUID id, ActorType actorType, UUID actorId, String action, String entity, UUID entityId,
                           Map<String, Object> meta, String requestId, String ip, Instant createdAt) {

    @SuppressWarnings("unchecked")
    static AuditLogView of(AuditLog log) {
        Map<String, Object> meta = log.getMeta() == null ? null : Json.JSONB.fromJson(log.getMeta(), Map.class);
        return new AuditLogView(log.getId(), log.getActorType(), log.getActorId(), log.getAction(), log.getEntity(),
                log.getEntityId(), meta, log.getRequestId(), log.getIp(), log.getCreatedAt());
    }
}
