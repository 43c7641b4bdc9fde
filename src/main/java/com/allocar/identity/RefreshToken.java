package com.allocar.identity;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token, stored as a hash. Tokens rotate on every use within a family; presenting a rotated token
 * again revokes the whole family. It belongs to a user or to an admin, never both.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken extends CreatedEntity {
    @Column(name = "user_id", updatable = false)
    private UUID userId;

    @Column(name = "admin_user_id", updatable = false)
    private UUID adminUserId;

    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "replaced_by")
    private UUID replacedBy;

    @Column(name = "user_agent")
    private String userAgent;

    private String ip;

    protected RefreshToken() {
    }

    private RefreshToken(UUID userId, UUID adminUserId, UUID familyId, String tokenHash, Instant expiresAt,
            String userAgent, String ip) {
        this.userId = userId;
        this.adminUserId = adminUserId;
        this.familyId = Objects.requireNonNull(familyId);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.userAgent = userAgent;
        this.ip = ip;
    }

    public static RefreshToken forUser(UUID userId, UUID familyId, String tokenHash, Instant expiresAt,
            String userAgent, String ip) {
        return new RefreshToken(Objects.requireNonNull(userId), null, familyId, tokenHash, expiresAt, userAgent, ip);
    }

    public static RefreshToken forAdmin(UUID adminUserId, UUID familyId, String tokenHash, Instant expiresAt,
            String userAgent, String ip) {
        return new RefreshToken(null, Objects.requireNonNull(adminUserId), familyId, tokenHash, expiresAt, userAgent,
                ip);
    }

    public void rotate(UUID replacedBy, Instant at) {
        this.replacedBy = Objects.requireNonNull(replacedBy);
        this.rotatedAt = Objects.requireNonNull(at);
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            this.revokedAt = Objects.requireNonNull(at);
        }
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getAdminUserId() {
        return adminUserId;
    }

    public UUID getFamilyId() {
        return familyId;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public UUID getReplacedBy() {
        return replacedBy;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getIp() {
        return ip;
    }
}
