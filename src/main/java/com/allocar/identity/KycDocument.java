package com.allocar.identity;

import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.persistence.VersionedEntity;
import com.allocar.platform.security.Owned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An identity document; the images live in the private bucket under {@code frontKey} / {@code backKey}.
 * States (KYC-2): pending → approved | rejected, only through {@link #review}.
 */
@Entity
@Table(name = "kyc_documents")
public class KycDocument extends VersionedEntity implements Owned {
    /** The key of images not placed yet: only between the insert that gives the id and {@link #placeImages}. */
    private static final String NOT_PLACED = "";

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

    /**
     * A new pending submission whose image keys are placed right after the insert, because they contain the id
     * the database gives the document ({@link #placeImages}, in the same transaction).
     */
    public static KycDocument submit(User user, KycDocType docType, String docNumber) {
        return new KycDocument(user, docType, docNumber, NOT_PLACED, null);
    }

    /** Sets where the images of a just-submitted document live (once). */
    public void placeImages(String frontKey, String backKey) {
        if (!NOT_PLACED.equals(this.frontKey)) {
            throw new IllegalStateException("the images of a document are placed once");
        }
        this.frontKey = Objects.requireNonNull(frontKey);
        this.backKey = backKey;
    }

    @Override
    public UUID ownerId() {
        return user.getId();
    }

    /**
     * Records an admin's decision (approved or rejected): the only transition out of pending. A document
     * already reviewed is a 409 {@code conflict} with {@code from} and {@code to}.
     */
    public void review(KycStatus decision, UUID adminId, String notes, Instant at) {
        if (decision == KycStatus.pending) {
            throw new IllegalArgumentException("a review approves or rejects");
        }
        if (decision == KycStatus.rejected && (notes == null || notes.isBlank())) {
            throw new IllegalArgumentException("a rejection says why");
        }
        if (status != KycStatus.pending) {
            throw new ConflictException("Only a pending document can be reviewed; this one is " + status + ".",
                    Map.of("from", status.name(), "to", decision.name()));
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
