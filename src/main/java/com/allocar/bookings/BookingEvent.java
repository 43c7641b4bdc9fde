package com.allocar.bookings;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One status transition of a booking, written in the transaction that makes it. Immutable. */
@Entity
@Immutable
@Table(name = "booking_events")
public class BookingEvent extends CreatedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id", nullable = false)
    private Booking booking;

    /** Null for the creation of the booking. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private BookingStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private BookingStatus toStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private ActorType actorType;

    /** users.id or admin_users.id; null for the system. */
    @Column(name = "actor_id")
    private UUID actorId;

    /** A JSON object (jsonb), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String meta;

    protected BookingEvent() {
    }

    public BookingEvent(Booking booking, BookingStatus fromStatus, BookingStatus toStatus, ActorType actorType,
            UUID actorId, String metaJson) {
        this.booking = Objects.requireNonNull(booking);
        this.fromStatus = fromStatus;
        this.toStatus = Objects.requireNonNull(toStatus);
        this.actorType = Objects.requireNonNull(actorType);
        this.actorId = actorId;
        this.meta = metaJson;
    }

    public Booking getBooking() {
        return booking;
    }

    public BookingStatus getFromStatus() {
        return fromStatus;
    }

    public BookingStatus getToStatus() {
        return toStatus;
    }

    public ActorType getActorType() {
        return actorType;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getMeta() {
        return meta;
    }
}
