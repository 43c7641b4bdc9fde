package com.allocar.identity;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.security.Ownership;
import com.allocar.platform.storage.Bucket;
import com.allocar.platform.storage.ObjectKeys;
import com.allocar.platform.storage.ObjectStorage;
import com.allocar.platform.storage.PresignedUpload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's identity verification (AUTH-6, KYC-1, KYC-2): submitting a document, which gives presigned upload
 * URLs into the private bucket, and following its review. Admins review through {@code AdminKycService}.
 */
@ApplicationScoped
public class KycService {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Ownership ownership;
    @Inject
    ObjectStorage storage;
    @Inject
    AuditService audit;

    /**
     * Creates a pending document and signs the uploads of its images. Refused (409 {@code conflict}) while
     * another document waits for review or once the identity is verified. The user's row is locked first, so
     * two submissions at the same moment cannot both pass that check.
     */
    @Transactional
    public KycUploads submit(UUID userId, KycSubmission submission) {
        User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new NotFoundException("No such user.");
        }
        openOrApproved(userId).ifPresent(existing -> {
            throw new ConflictException(existing.getStatus() == KycStatus.approved
                    ? "Your identity is already verified."
                    : "A document is already waiting for review.",
                    Map.of("status", existing.getStatus().name(), "id", existing.getId().toString()));
        });
        KycDocument document = KycDocument.submit(user, submission.docType(), submission.docNumber());
        em.persist(document);
        em.flush();
        UUID id = document.getId();
        document.placeImages(ObjectKeys.kycImage(userId, id, ObjectKeys.Side.front, submission.frontContentType()),
                submission.backContentType() == null ? null
                        : ObjectKeys.kycImage(userId, id, ObjectKeys.Side.back, submission.backContentType()));
        audit.record(ActorType.user, userId, "kyc.submit", "kyc_documents", id,
                Map.of("doc_type", submission.docType().name(), "back", submission.backContentType() != null));
        return uploads(document);
    }

    /** Whether the user's identity is verified (an approved document): KYC-3, for publishing trips and payouts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean approved(UUID userId) {
        return !em.createQuery("SELECT k.id FROM KycDocument k WHERE k.user.id = :user AND k.status = :approved",
                        UUID.class)
                .setParameter("user", userId).setParameter("approved", KycStatus.approved).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The state of the latest document, or {@code none}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KycView status(UUID userId) {
        List<KycDocument> latest = em.createQuery(
                        "SELECT k FROM KycDocument k WHERE k.user.id = :user ORDER BY k.createdAt DESC, k.id DESC",
                        KycDocument.class)
                .setParameter("user", userId).setMaxResults(1).getResultList();
        return latest.isEmpty() ? KycView.none() : KycView.of(latest.get(0));
    }

    /** One of the caller's documents (404 for anyone else's). */
    @Transactional
    public KycView get(UUID id) {
        return KycView.of(ownership.mine(KycDocument.class, id));
    }

    /** New upload URLs for the caller's pending document, when the first ones expired before the upload. */
    @Transactional
    public KycUploads renewUploads(UUID id) {
        KycDocument document = ownership.mine(KycDocument.class, id);
        if (document.getStatus() != KycStatus.pending) {
            throw new ConflictException("Only a pending document takes new images; submit a new document instead.",
                    Map.of("status", document.getStatus().name()));
        }
        return uploads(document);
    }

    private Optional<KycDocument> openOrApproved(UUID userId) {
        return em.createQuery("SELECT k FROM KycDocument k WHERE k.user.id = :user AND k.status IN :states "
                        + "ORDER BY k.createdAt DESC", KycDocument.class)
                .setParameter("user", userId).setParameter("states", List.of(KycStatus.pending, KycStatus.approved))
                .setMaxResults(1).getResultStream().findFirst();
    }

    private KycUploads uploads(KycDocument document) {
        PresignedUpload front = upload(document.getFrontKey());
        PresignedUpload back = document.getBackKey() == null ? null : upload(document.getBackKey());
        return new KycUploads(document.getId(), document.getDocType(), document.getStatus(), document.getCreatedAt(),
                front.method(), front.url(), front.headers(), back == null ? null : back.url(),
                back == null ? null : back.headers(), front.expiresAt());
    }

    private PresignedUpload upload(String key) {
        String contentType = ObjectKeys.contentTypeOf(key)
                .orElseThrow(() -> new IllegalStateException("no media type for object key " + key));
        return storage.upload(Bucket.KYC, key, contentType);
    }
}
