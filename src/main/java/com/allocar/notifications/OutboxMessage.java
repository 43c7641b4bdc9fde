package com.allocar.notifications;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A notification to send, written in the business transaction that causes it (the transactional outbox) and
 * sent afterwards by a worker, with retries; nothing is lost if the server stops in between.
 */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage extends CreatedEntity {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OutboxChannel channel;

    /** A phone number, an email address or a device token, by channel. */
    @Column(nullable = false, updatable = false)
    private String recipient;

    private String subject;

    private String body;

    /** The body carries a secret (a one-time code): the outbox erases it once the message is sent or given up. */
    @Column(nullable = false, updatable = false)
    private boolean sensitive;

    /** Channel data (push data, template id and variables) as a JSON object (jsonb), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboxStatus status = OutboxStatus.pending;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(OutboxChannel channel, String recipient, String subject, String body, String payloadJson) {
        this(channel, recipient, subject, body, payloadJson, false);
    }

    public OutboxMessage(OutboxChannel channel, String recipient, String subject, String body, String payloadJson,
                         boolean sensitive) {
        this.channel = Objects.requireNonNull(channel);
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = subject;
        this.body = body;
        this.payload = payloadJson;
        this.sensitive = sensitive;
    }

    public OutboxChannel getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public String getPayload() {
        return payload;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** Runs after {@link CreatedEntity}'s own {@code @PrePersist}, which has set the creation time. */
    @PrePersist
    void onInsert() {
        nextAttemptAt = getCreatedAt();
    }
}
