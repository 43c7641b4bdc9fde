package com.allocar.admin;

import com.allocar.identity.KycDocType;
import com.allocar.identity.KycDocument;
import com.allocar.identity.KycStatus;
import com.allocar.identity.User;
import com.allocar.platform.storage.PresignedDownload;
import java.time.Instant;
import java.util.UUID;

/**
 * A KYC document as reviewers see it: who submitted it and, in the pending list, presigned GET URLs of its
 * images valid 5 minutes ({@code urls_expire_at}); never a public address.
 */
public record AdminKycView(UUID id, Applicant user, KycDocType docType, String docNumber, KycStatus status,
                           String notes, Instant createdAt, UUID reviewedBy, Instant reviewedAt, String frontUrl,
                           String backUrl, Instant urlsExpireAt) {

    /** The person whose identity is checked. */
    public record Applicant(UUID id, String firstName, String lastName, String phone, String email) {
        static Applicant of(User user) {
            return new Applicant(user.getId(), user.getFirstName(), user.getLastName(), user.getPhone(), user.getEmail());
        }
    }

    static AdminKycView of(KycDocument document, PresignedDownload front, PresignedDownload back) {
        return new AdminKycView(document.getId(), Applicant.of(document.getUser()), document.getDocType(),
                document.getDocNumber(), document.getStatus(), document.getNotes(), document.getCreatedAt(),
                document.getReviewedBy(), document.getReviewedAt(), front == null ? null : front.url(),
                back == null ? null : back.url(), front == null ? null : front.expiresAt());
    }
}
