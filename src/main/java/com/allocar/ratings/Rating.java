package com.allocar.ratings;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One user's stars for another after a completed booking; once per direction per booking. */
@Entity
@Immutable
@Table(name = "ratings")
public class Rating extends CreatedEntity {
    @Column(name = "booking_id", nullable = false)
    private UUID bookingId;

    @Column(name = "from_user_id", nullable = false)
    private UUID fromUserId;

    @Column(name = "to_user_id", nullable = false)
    private UUID toUserId;

    @Column(nullable = false)
    private int stars;

    private String comment;

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
}
