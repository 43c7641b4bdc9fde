package com.allocar.platform.idempotency;

import com.allocar.platform.persistence.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A stored {@code Idempotency-Key} and the response it produced, unique per (scope, key). Claims and
 * completions are written by {@link IdempotencyStore} with atomic SQL; this mapping is for reading them
 * (admin views, clean-up queries), hence immutable.
 */
@Entity
@Immutable
@Table(name = "idempotency_keys")
public class IdempotencyKey extends IdentifiedEntity {
    @Column(nullable = false)
    private String scope;

    @Column(name = "idem_key", nullable = false)
    private String idemKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IdempotencyStatus status;

    @Column(name = "response_status")
    private Integer responseStatus;

    @Column(name = "response_body")
    private String responseBody;

    /** A JSON object of header names to values (jsonb), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_headers")
    private String responseHeaders;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected IdempotencyKey() {
    }

    public String getScope() {
        return scope;
    }

    public String getIdemKey() {
        return idemKey;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public IdempotencyStatus getStatus() {
        return status;
    }

    public Integer getResponseStatus() {
        return responseStatus;
    }

    public String getResponseBody() {
        return responseBody;
    }

    public String getResponseHeaders() {
        return responseHeaders;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
