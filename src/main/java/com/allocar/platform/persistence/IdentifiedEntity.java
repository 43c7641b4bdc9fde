package com.allocar.platform.persistence;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * The root of every entity: each table's primary key is a uuid {@code id} that the database generates
 * ({@code DEFAULT gen_random_uuid()}) and Hibernate reads back on insert, so it is null until persisted.
 */
@MappedSuperclass
public abstract class IdentifiedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private UUID id;

    public UUID getId() {
        return id;
    }
}
