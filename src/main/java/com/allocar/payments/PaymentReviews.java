package com.allocar.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Verified provider successes that could not be applied automatically ({@code needs_review}): an attempt whose
 * reported amount or currency is not ours, or a signed event naming no attempt of ours. The money may be with us;
 * finance settles each by hand (refund through the provider's portal, or correct and apply).
 */
@ApplicationScoped
public class PaymentReviews {
    /** At most this many, newest first: the list is a work queue, not an archive. */
    static final int LIMIT = 200;

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** One item to review. */
    @Schema(name = "PaymentReviewItem")
    public record Item(
            @Schema(enumeration = {"attempt", "webhook_event"}) String kind,
            @Schema(description = "payment_attempts.id or webhook_events.id") UUID id,
            @Schema(enumeration = {"wave", "orange", "mtn", "stripe"}) String provider,
            @Schema(description = "The payment the attempt belongs to, when known") UUID paymentId,
            @Schema(description = "The provider's reference (attempt) or event id (webhook event)") String reference,
            @Schema(description = "What did not match (amount, currency, reference …) or unknown_attempt") String reason,
            Instant at) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Item> needsReview() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT * FROM ("
                        + "SELECT 'attempt' AS kind, a.id, a.provider, a.payment_id, a.provider_ref AS reference, "
                        + "a.failure_reason AS reason, a.updated_at AS at FROM payment_attempts a "
                        + "WHERE a.status = 'needs_review' "
                        + "UNION ALL SELECT 'webhook_event', e.id, e.provider, e.payment_id, e.event_id, "
                        + "'unknown_attempt', e.received_at FROM webhook_events e "
                        + "WHERE e.outcome = 'needs_review' AND e.payment_id IS NULL) items ORDER BY at DESC LIMIT ?1")
                .setParameter(1, LIMIT).getResultList();
        return rows.stream().map(row -> new Item((String) row[0], (UUID) row[1], (String) row[2], (UUID) row[3],
                (String) row[4], (String) row[5], instant(row[6]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : null;
    }
}
