package com.allocar.payments;

import com.allocar.platform.persistence.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The webhook inbox: one row per provider event, unique on (provider, event id), written in the transaction
 * that applies the event, so a duplicate delivery changes nothing.
 */
@Entity
@Table(name = "webhook_events")
public class WebhookEvent extends IdentifiedEntity {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentProvider provider;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "event_type", updatable = false)
    private String eventType;

    /** The event body (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected WebhookEvent() {
    }

    public WebhookEvent(PaymentProvider provider, String eventId, String eventType, String payloadJson) {
        this.provider = Objects.requireNonNull(provider);
        this.eventId = Objects.requireNonNull(eventId);
        this.eventType = eventType;
        this.payload = Objects.requireNonNull(payloadJson);
    }

    public void markProcessed(Instant at) {
        this.processedAt = Objects.requireNonNull(at);
    }

    public PaymentProvider getProvider() {
        return provider;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    @PrePersist
    void onInsert() {
        receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
