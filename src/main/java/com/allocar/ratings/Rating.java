package com.allocar.ratings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One user's stars for another after a completed booking; once per direction per booking. */
@Entity
@Immutable
@Table(name = "ratings")
public class Rating {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private UUID id;

    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(name = "from_user_id", nullable = false)
    private UUID fromUserId;

    @Column(name = "to_user_id", nullable = false)
    private UUID toUserId;

    @Column(nullable = false)
    private int stars;

    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Rating() {
    }

    public Rating(UUID bookingId, UUID fromUserId, UUID toUserId, int stars, String comment) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars are between 1 and 5");
        }
        if (fromUserId.equals(toUserId)) {
            throw new IllegalArgumentException("nobody rates themselves");
        }
        this.bookingId = Objects.requireNonNull(bookingId);
        this.fromUserId = fromUserId;
        this.toUserId = Objects.requireNonNull(toUserId);
        this.stars = stars;
        this.comment = comment;
    }

    public UUID getId() {
        return id;
    }

    public UUID getBookingId() {
        return bookingId;
    }

    public UUID getFromUserId() {
        return fromUserId;
    }

    public UUID getToUserId() {
        return toUserId;
    }

    public int getStars() {
        return stars;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @PrePersist
    void onInsert() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
