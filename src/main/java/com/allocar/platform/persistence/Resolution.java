package com.allocar.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An admin's decision on a row that waited for one (a refund or withdrawal in review, a wallet debt): who, when and
 * the note saying what was checked. Embedded in each such entity (columns {@code resolved_by}, {@code resolved_at},
 * {@code resolution_note}); null until decided.
 */
@Embeddable
@Schema(name = "Resolution", description = "Who resolved it, when, and the note")
public class Resolution {
    @Column(name = "resolved_by")
    private UUID resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolution_note")
    private String note;

    protected Resolution() {
    }

    public Resolution(UUID resolvedBy, Instant resolvedAt, String note) {
        this.resolvedBy = Objects.requireNonNull(resolvedBy);
        this.resolvedAt = Objects.requireNonNull(resolvedAt);
        this.note = note;
    }

    public UUID getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getNote() {
        return note;
    }
}
