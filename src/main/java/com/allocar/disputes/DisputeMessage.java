package com.allocar.disputes;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A message on a dispute, from one of its parties ({@code user}) or from support ({@code admin}). Written once. */
@Entity
@Immutable
@Table(name = "dispute_messages")
public class DisputeMessage extends CreatedEntity {
    /** Who may write one. */
    public enum Author {
        user, admin
    }

    @Column(name = "dispute_id", nullable = false)
    private UUID disputeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type", nullable = false)
    private Author authorType;

    /** users.id or admin_users.id, after {@link #authorType}. */
    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(nullable = false)
    private String body;

    protected DisputeMessage() {
    }

    public DisputeMessage(UUID disputeId, Author authorType, UUID authorId, String body) {
        this.disputeId = Objects.requireNonNull(disputeId);
        this.authorType = Objects.requireNonNull(authorType);
        this.authorId = Objects.requireNonNull(authorId);
        this.body = Objects.requireNonNull(body);
    }

    public UUID getDisputeId() {
        return disputeId;
    }

    public Author getAuthorType() {
        return authorType;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }
}
