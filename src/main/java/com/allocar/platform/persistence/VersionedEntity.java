package com.allocar.platform.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A changing entity that concurrent requests may edit, guarded by optimistic locking: the {@code version}
 * column is checked and incremented by every update, so a stale write fails instead of overwriting.
 */
@MappedSuperclass
public abstract class VersionedEntity extends TimestampedEntity {
    @Version
    private long version;

    public long getVersion() {
        return version;
    }
}
