package com.allocar.disputes;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.persistence.VersionedEntity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A support ticket about a booking, opened by its passenger or driver and settled by an admin (DISP-1,
 * docs/disputes.md). The booking's two parties are copied in when it is opened: they, and admins, may read it.
 */
@Entity
@Table(name = "disputes")
public class Dispute extends VersionedEntity {
    @Column(name = "booking_id", nullable = false, updatable = false)
    private UUID bookingId;

    /** users.id of whoever opened it. */
    @Column(name = "opened_by", nullable = false, updatable = false)
    private UUID openedBy;

    @Column(name = "passenger_id", nullable = false, updatable = false)
    private UUID passengerId;

    @Column(name = "driver_id", nullable = false, updatable = false)
    private UUID driverId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DisputeCategory category;

    @Column(nullable = false, updatable = false)
    private String description;

    /** A JSON array of object keys in the private bucket ({@code disputes/{booking}/{opener}/…}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private String attachments = "[]";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status = DisputeStatus.open;

    /** admin_users.id of the admin handling it. */
    @Column(name = "assigned_to")
    private UUID assignedTo;

    private String resolution;

    /** admin_users.id of the admin who settled it. */
    @Column(name = "resolved_by")
    private UUID resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    /** Given back to the passenger by the resolution (XOF), through {@code refundId}. */
    @Column(name = "refund_amount", nullable = false)
    private BigDecimal refundAmount = BigDecimal.ZERO;

    @Column(name = "refund_id")
    private UUID refundId;

    /** Charged to the driver by the resolution (XOF), a {@code dispute_charge} ledger entry. */
    @Column(name = "driver_charge", nullable = false)
    private BigDecimal driverCharge = BigDecimal.ZERO;

    protected Dispute() {
    }

    public Dispute(UUID bookingId, UUID openedBy, UUID passengerId, UUID driverId, DisputeCategory category,
                   String description, List<String> attachments) {
        this.bookingId = Objects.requireNonNull(bookingId);
        this.openedBy = Objects.requireNonNull(openedBy);
        this.passengerId = Objects.requireNonNull(passengerId);
        this.driverId = Objects.requireNonNull(driverId);
        this.category = Objects.requireNonNull(category);
        this.description = Objects.requireNonNull(description);
        JsonArrayBuilder keys = Json.createArrayBuilder();
        attachments.forEach(keys::add);
        this.attachments = keys.build().toString();
    }

    /** Whether {@code userId} is the booking's passenger or driver. */
    public boolean hasParty(UUID userId) {
        return passengerId.equals(userId) || driverId.equals(userId);
    }

    /** Gives it to an admin (or to nobody): only while it is being handled. */
    public void assign(UUID adminId) {
        if (!status.active()) {
            throw new ConflictException("A settled dispute cannot be reassigned.", Map.of("reason", "dispute_closed", "status", status.name()));
        }
        this.assignedTo = adminId;
    }

    /** open → investigating. */
    public void investigate() {
        status.requireTransitionTo(DisputeStatus.investigating);
        status = DisputeStatus.investigating;
    }

    /** investigating → resolved or rejected, with the admin's resolution text. */
    public void settle(DisputeStatus outcome, String text, UUID adminId, Instant at) {
        status.requireTransitionTo(outcome);
        status = outcome;
        resolution = Objects.requireNonNull(text);
        resolvedBy = Objects.requireNonNull(adminId);
        resolvedAt = Objects.requireNonNull(at);
    }

    /** What the resolution moved: the passenger's refund (its row) and the driver's charge. */
    public void recordMoney(BigDecimal refunded, UUID refund, BigDecimal charged) {
        this.refundAmount = refunded;
        this.refundId = refund;
        this.driverCharge = charged;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public UUID getOpenedBy() {
        return openedBy;
    }

    public UUID getPassengerId() {
        return passengerId;
    }

    public UUID getDriverId() {
        return driverId;
    }

    public DisputeCategory getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getAttachments() {
        try (JsonReader reader = Json.createReader(new StringReader(attachments))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }

    public DisputeStatus getStatus() {
        return status;
    }

    public UUID getAssignedTo() {
        return assignedTo;
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

    public BigDecimal getRefundAmount() {
        return refundAmount;
    }

    public UUID getRefundId() {
        return refundId;
    }

    public BigDecimal getDriverCharge() {
        return driverCharge;
    }
}
