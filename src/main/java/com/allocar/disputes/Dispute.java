package com.allocar.disputes;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A support ticket about a booking, opened by its passenger or driver and settled by an admin. */
@Entity
@Table(name = "disputes")
public class Dispute extends VersionedEntity {
    @Column(name = "booking_id", nullable = false, updatable = false)
    private UUID bookingId;

    /** users.id of whoever opened it. */
    @Column(name = "opened_by", nullable = false, updatable = false)
    private UUID openedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeCategory category;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status = DisputeStatus.open;

    private String resolution;

    /** admin_users.id of the admin who settled it. */
    @Column(name = "resolved_by")
    private UUID resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected Dispute() {
    }

    public Dispute(UUID bookingId, UUID openedBy, DisputeCategory category, String description) {
        this.bookingId = Objects.requireNonNull(bookingId);
        this.openedBy = Objects.requireNonNull(openedBy);
        this.category = Objects.requireNonNull(category);
        this.description = Objects.requireNonNull(description);
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public UUID getOpenedBy() {
        return openedBy;
    }

    public DisputeCategory getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public String getResolution() {
        return resolution;
    }

    public UUID getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
