package com.allocar.payments;

import com.allocar.platform.persistence.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One failed card confirmation (PAY-5); rows are inserted by {@link CardFailures} in SQL and only read here. */
@Entity
@Table(name = "card_failures")
public class CardFailure extends IdentifiedEntity {
    @Column(name = "user_id", nullable = false, insertable = false, updatable = false)
    private UUID userId;

    @Column(name = "payment_id", nullable = false, insertable = false, updatable = false)
    private UUID paymentId;

    @Column(name = "event_id", insertable = false, updatable = false)
    private String eventId;

    @Column(insertable = false, updatable = false)
    private String reason;

    @Column(name = "failed_at", nullable = false, insertable = false, updatable = false)
    private Instant failedAt;

    protected CardFailure() {
    }

    public UUID getUserId() {
        return userId;
    }

    public UUID getPaymentId() {
        return paymentId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getReason() {
        return reason;
    }

    public Instant getFailedAt() {
        return failedAt;
    }
}
