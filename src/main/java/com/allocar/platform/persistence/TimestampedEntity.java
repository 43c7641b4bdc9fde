package com.allocar.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entity whose rows change, so its table also records the last change ({@code updated_at}): equal to
 * {@code created_at} on insert (this callback runs after {@link CreatedEntity}'s), restamped on every update
 * Hibernate writes.
 */
@MappedSuperclass
public abstract class TimestampedEntity extends CreatedEntity {
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @PrePersist
    void stampUpdatedAtOnInsert() {
        updatedAt = getCreatedAt();
    }

    @PreUpdate
    void stampUpdatedAt() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
