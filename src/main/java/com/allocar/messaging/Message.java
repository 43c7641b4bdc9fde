package com.allocar.messaging;

import com.allocar.bookings.Booking;
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

/** A chat message between a booking's passenger and driver. For an image, {@code content} is its object key. */
@Entity
@Immutable
@Table(name = "messages")
public class Message extends CreatedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id", nullable = false)
    private Booking booking;

    @Column(name = "from_user_id", nullable = false)
    private UUID fromUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageType type;

    @Column(nullable = false)
    private String content;

    protected Message() {
    }

    public Message(Booking booking, UUID fromUserId, MessageType type, String content) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("a message has content");
        }
        this.booking = Objects.requireNonNull(booking);
        this.fromUserId = Objects.requireNonNull(fromUserId);
        this.type = Objects.requireNonNull(type);
        this.content = content;
    }

    public Booking getBooking() {
        return booking;
    }

    public UUID getFromUserId() {
        return fromUserId;
    }

    public MessageType getType() {
        return type;
    }

    public String getContent() {
        return content;
    }
}
