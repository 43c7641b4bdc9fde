package com.allocar.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entity whose table records when the row was written ({@code created_at}, never updated), stamped on
 * insert to the microsecond PostgreSQL keeps, so the value in memory equals the stored one.
 * Subclasses with their own {@code @PrePersist} method must give it another name than {@code stampCreatedAt}
 * (Hibernate skips an inherited callback whose name a subclass reuses); it runs after this one.
 */
@MappedSuperclass
public abstract class CreatedEntity extends IdentifiedEntity {
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    public Instant getCreatedAt() {
        return createdAt;
    }

    @PrePersist
    void stampCreatedAt() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
