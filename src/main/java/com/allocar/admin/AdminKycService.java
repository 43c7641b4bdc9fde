package com.allocar.admin;

import com.allocar.identity.KycDocType;
import com.allocar.identity.KycDocument;
import com.allocar.identity.KycStatus;
import com.allocar.identity.User;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.storage.Bucket;
import com.allocar.platform.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The KYC review queue (KYC-2, ADM-2): pending documents, oldest first, and their approval or rejection. */
@ApplicationScoped
public class AdminKycService {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("doc_type", FilterType.of(KycDocType.class))
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "doc_type")
            .defaultSort("created_at", false)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("doc_type", "docType", "created_at", "createdAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    ObjectStorage storage;
    @Inject
    AuditService audit;

    /** A page of pending documents with their submitters and presigned GET URLs of the images (5 minutes). */
    @Transactional
    public Page<AdminKycView> pending(ListQuery query) {
        Page<KycDocument> page = JpaLists.page(em, KycDocument.class, query, ATTRIBUTES,
                (cb, root) -> List.of(cb.equal(root.get("status"), KycStatus.pending)));
        loadSubmitters(page.items());
        return page.map(document -> AdminKycView.of(document, storage.download(Bucket.KYC, document.getFrontKey()),
                document.getBackKey() == null ? null : storage.download(Bucket.KYC, document.getBackKey())));
    }

    @Transactional
    public AdminKycView approve(UUID adminId, UUID documentId) {
        return review(adminId, documentId, KycStatus.approved, null);
    }

    /** {@code notes} is the reason the user reads in {@code GET /me/kyc/status}. */
    @Transactional
    public AdminKycView reject(UUID adminId, UUID documentId, String notes) {
        return review(adminId, documentId, KycStatus.rejected, notes);
    }

    /** The document is locked, so two reviewers at once cannot both decide: the second gets 409 conflict. */
    private AdminKycView review(UUID adminId, UUID documentId, KycStatus decision, String notes) {
        KycDocument document = em.find(KycDocument.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            throw new NotFoundException("No such KYC document.");
        }
        document.review(decision, adminId, notes, Instant.now().truncatedTo(ChronoUnit.MICROS));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("user_id", document.getUser().getId().toString());
        meta.put("doc_type", document.getDocType().name());
        if (notes != null) {
            meta.put("notes", notes);
        }
        audit.record(ActorType.admin, adminId, decision == KycStatus.approved ? "kyc.approve" : "kyc.reject",
                "kyc_documents", documentId, meta);
        return AdminKycView.of(document, null, null);
    }

    /** The submitters of a page in one query, instead of one per document. */
    private void loadSubmitters(List<KycDocument> documents) {
        if (!documents.isEmpty()) {
            em.createQuery("SELECT u FROM User u WHERE u.id IN "
                            + "(SELECT k.user.id FROM KycDocument k WHERE k IN :documents)", User.class)
                    .setParameter("documents", documents).getResultList();
        }
    }
}
