package com.allocar.ratings;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * One user's stars for the other party of a completed booking; once per direction per booking (docs/ratings.md).
 * Blind ({@code revealed_at} null, seen by its author only) until both parties rated or the rating window closed.
 * Written and changed by {@link Ratings}, {@link RatingReveals} and {@link RatingModeration} in SQL under their locks;
 * this mapping reads them (the admin list).
 */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RatingRole role;

    @Column(nullable = false)
    private int stars;

    private String comment;

    /** The tags joined by commas (they come from a closed catalogue of plain words). */
    @Formula("array_to_string(tags, ',')")
    private String tagList;

    @Column(name = "revealed_at", insertable = false, updatable = false)
    private Instant revealedAt;

    @Column(name = "comment_hidden", insertable = false, updatable = false)
    private boolean commentHidden;

    @Column(name = "comment_hidden_reason", insertable = false, updatable = false)
    private String commentHiddenReason;

    @Column(name = "comment_hidden_by", insertable = false, updatable = false)
    private UUID commentHiddenBy;

    @Column(name = "comment_hidden_at", insertable = false, updatable = false)
    private Instant commentHiddenAt;

    protected Rating() {
    }

    public Rating(UUID bookingId, UUID fromUserId, UUID toUserId, RatingRole role, int stars, String comment) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars are between 1 and 5");
        }
        if (fromUserId.equals(toUserId)) {
            throw new IllegalArgumentException("nobody rates themselves");
        }
        this.bookingId = Objects.requireNonNull(bookingId);
        this.fromUserId = fromUserId;
        this.toUserId = Objects.requireNonNull(toUserId);
        this.role = Objects.requireNonNull(role);
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

    public RatingRole getRole() {
        return role;
    }

    public int getStars() {
        return stars;
    }

    public String getComment() {
        return comment;
    }

    public List<String> getTags() {
        return RatingTags.split(tagList);
    }

    public Instant getRevealedAt() {
        return revealedAt;
    }

    public boolean isCommentHidden() {
        return commentHidden;
    }

    public String getCommentHiddenReason() {
        return commentHiddenReason;
    }

    public UUID getCommentHiddenBy() {
        return commentHiddenBy;
    }

    public Instant getCommentHiddenAt() {
        return commentHiddenAt;
    }
}
