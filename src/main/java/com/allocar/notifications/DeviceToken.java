package com.allocar.notifications;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A push (FCM) registration token of one of a user's devices. */
@Entity
@Table(name = "device_tokens")
public class DeviceToken extends CreatedEntity {
    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DevicePlatform platform;

    @Column(nullable = false, updatable = false)
    private String token;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected DeviceToken() {
    }

    public DeviceToken(UUID userId, DevicePlatform platform, String token) {
        this.userId = Objects.requireNonNull(userId);
        this.platform = Objects.requireNonNull(platform);
        this.token = Objects.requireNonNull(token);
    }

    /** The token was presented again, possibly by another account on the same device. */
    public void seen(UUID userId, Instant at) {
        this.userId = Objects.requireNonNull(userId);
        this.lastSeenAt = Objects.requireNonNull(at);
    }

    public UUID getUserId() {
        return userId;
    }

    public DevicePlatform getPlatform() {
        return platform;
    }

    public String getToken() {
        return token;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    /** Runs after {@link CreatedEntity}'s own {@code @PrePersist}, which has set the creation time. */
    @PrePersist
    void onInsert() {
        lastSeenAt = getCreatedAt();
    }
}
