package com.allocar.identity;

import com.allocar.platform.persistence.VersionedEntity;
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

/** An identity document; the images live in the private bucket under {@code frontKey} / {@code backKey}. */
@Entity
@Table(name = "kyc_documents")
public class KycDocument extends VersionedEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(name = "doc_type", nullable = false)
    private KycDocType docType;

    @Column(name = "doc_number", nullable = false)
    private String docNumber;

    @Column(name = "front_key", nullable = false)
    private String frontKey;

    @Column(name = "back_key")
    private String backKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KycStatus status = KycStatus.pending;

    private String notes;

    /** The admin_users id of the reviewer. */
    @Column(name = "reviewed_by")
    private UUID reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected KycDocument() {
    }

    public KycDocument(User user, KycDocType docType, String docNumber, String frontKey, String backKey) {
        this.user = Objects.requireNonNull(user);
        this.docType = Objects.requireNonNull(docType);
        this.docNumber = Objects.requireNonNull(docNumber);
        this.frontKey = Objects.requireNonNull(frontKey);
        this.backKey = backKey;
    }

    /** Records an admin's decision (approved or rejected). */
    public void review(KycStatus decision, UUID adminId, String notes, Instant at) {
        if (decision == KycStatus.pending) {
            throw new IllegalArgumentException("a review approves or rejects");
        }
        this.status = decision;
        this.reviewedBy = Objects.requireNonNull(adminId);
        this.notes = notes;
        this.reviewedAt = Objects.requireNonNull(at);
    }

    public User getUser() {
        return user;
    }

    public KycDocType getDocType() {
        return docType;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public String getFrontKey() {
        return frontKey;
    }

    public String getBackKey() {
        return backKey;
    }

    public KycStatus getStatus() {
        return status;
    }

    public String getNotes() {
        return notes;
    }

    public UUID getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
