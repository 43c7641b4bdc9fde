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
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A chat message between a booking's passenger and driver. For an image, {@code content} is its object key. Written
 * once; only {@code read_at} changes afterwards, by a conditional update ({@link MessageRepository#markRead}).
 */
@Entity
@Immutable
@Table(name = "messages")
public class Message extends CreatedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "booking_id", nullable = false)
    private Booking booking;

    /** The booking's number of the message: 1, 2, 3 … in the order messages were written. */
    @Column(nullable = false)
    private long seq;

    @Column(name = "from_user_id", nullable = false)
    private UUID fromUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageType type;

    @Column(nullable = false)
    private String content;

    /** Whether contact details were masked in the text when it was written. */
    @Column(nullable = false)
    private boolean masked;

    @Column(name = "read_at")
    private Instant readAt;

    protected Message() {
    }

    public Message(Booking booking, long seq, UUID fromUserId, MessageType type, String content, boolean masked) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("a message has content");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("messages are numbered from 1");
        }
        if (masked && type != MessageType.text) {
            throw new IllegalArgumentException("only a text is masked");
        }
        this.booking = Objects.requireNonNull(booking);
        this.seq = seq;
        this.fromUserId = Objects.requireNonNull(fromUserId);
        this.type = Objects.requireNonNull(type);
        this.content = content;
        this.masked = masked;
    }

    public Booking getBooking() {
        return booking;
    }

    public long getSeq() {
        return seq;
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

    public boolean isMasked() {
        return masked;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
