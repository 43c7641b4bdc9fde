package com.allocar.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.allocar.platform.errors.ConflictException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** KYC-2: pending → approved | rejected, once, in the entity. */
class KycDocumentTest {
    private static final UUID ADMIN = UUID.randomUUID();

    private static KycDocument pending() {
        KycDocument document = KycDocument.submit(new User("+2250700000000", null, null), KycDocType.cni, "CI 123");
        document.placeImages("kyc/u/d/front.jpg", null);
        return document;
    }

    @Test
    void aSubmissionIsPendingAndItsImagesArePlacedOnce() {
        KycDocument document = pending();
        assertThat(document.getStatus()).isEqualTo(KycStatus.pending);
        assertThat(document.getFrontKey()).isEqualTo("kyc/u/d/front.jpg");
        assertThatThrownBy(() -> document.placeImages("kyc/other/front.jpg", null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anApprovalRecordsWhoAndWhen() {
        KycDocument document = pending();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        document.review(KycStatus.approved, ADMIN, null, at);
        assertThat(document.getStatus()).isEqualTo(KycStatus.approved);
        assertThat(document.getReviewedBy()).isEqualTo(ADMIN);
        assertThat(document.getReviewedAt()).isEqualTo(at);
    }

    @Test
    void aRejectionSaysWhy() {
        KycDocument document = pending();
        assertThatThrownBy(() -> document.review(KycStatus.rejected, ADMIN, " ", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        document.review(KycStatus.rejected, ADMIN, "blurred", Instant.now());
        assertThat(document.getStatus()).isEqualTo(KycStatus.rejected);
        assertThat(document.getNotes()).isEqualTo("blurred");
    }

    @Test
    void aReviewedDocumentIsNotReviewedAgain() {
        KycDocument document = pending();
        document.review(KycStatus.rejected, ADMIN, "blurred", Instant.now());
        assertThatThrownBy(() -> document.review(KycStatus.approved, UUID.randomUUID(), null, Instant.now()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details()).isEqualTo(Map.of("from", "rejected", "to", "approved")));
        assertThat(document.getStatus()).isEqualTo(KycStatus.rejected);
        assertThat(document.getReviewedBy()).isEqualTo(ADMIN);
    }

    @Test
    void pendingIsNotADecision() {
        assertThatThrownBy(() -> pending().review(KycStatus.pending, ADMIN, null, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
