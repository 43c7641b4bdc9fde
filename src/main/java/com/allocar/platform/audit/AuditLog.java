package com.allocar.platform.audit;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One audited action. Immutable once written. */
@Entity
@Immutable
@Table(name = "audit_logs")
public class AuditLog extends CreatedEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    /** users.id or admin_users.id; null for the system. */
    @Column(name = "actor_id")
    private UUID actorId;

    /** What was done, e.g. {@code booking.cancel}, {@code kyc.approve}. */
    @Column(nullable = false)
    private String action;

    /** The table of the thing acted on, e.g. {@code bookings}. */
    @Column(nullable = false)
    private String entity;

    @Column(name = "entity_id")
    private UUID entityId;

    /** A JSON object (jsonb), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String meta;

    @Column(name = "request_id")
    private String requestId;

    private String ip;

    protected AuditLog() {
    }

    public AuditLog(ActorType actorType, UUID actorId, String action, String entity, UUID entityId, String metaJson) {
        if (actorType != ActorType.system && actorId == null) {
            throw new IllegalArgumentException("a user or admin action names its actor");
        }
        this.actorType = actorType;
        this.actorId = actorId;
        this.action = Objects.requireNonNull(action);
        this.entity = Objects.requireNonNull(entity);
        this.entityId = entityId;
        this.meta = metaJson;
    }

    /** Ties the entry to the HTTP request that caused it (set before persisting). */
    public AuditLog withRequest(String requestId, String ip) {
        this.requestId = requestId;
        this.ip = ip;
        return this;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public String getEntity() {
        return entity;
    }

    public UUID getEntityId() {
        return entityId;
    }

    public String getMeta() {
        return meta;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getIp() {
        return ip;
    }
}
