package com.allocar.identity;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The user's view of a KYC document: its state, and the reviewer's notes (the reason of a rejection).
 * {@code GET /me/kyc/status} answers {@code {"status": "none"}} when nothing was submitted.
 */
public record KycView(@Schema(enumeration = {"none", "pending", "approved", "rejected"}) String status, UUID id,
                      KycDocType docType, String notes, Instant createdAt, Instant reviewedAt) {

    public static final String NONE = "none";

    static KycView of(KycDocument document) {
        return new KycView(document.getStatus().name(), document.getId(), document.getDocType(), document.getNotes(),
                document.getCreatedAt(), document.getReviewedAt());
    }

    static KycView none() {
        return new KycView(NONE, null, null, null, null, null);
    }
}
