package com.allocar.identity;

import com.allocar.platform.persistence.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A one-time code sent to a phone number or an email address, stored hashed. */
@Entity
@Table(name = "otp_codes")
public class OtpCode extends CreatedEntity {
    /** The phone number (E.164) or email address the code was sent to. */
    @Column(nullable = false, updatable = false)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OtpPurpose purpose;

    @Column(name = "code_hash", nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected OtpCode() {
    }

    public OtpCode(String target, OtpPurpose purpose, String codeHash, Instant expiresAt) {
        this.target = Objects.requireNonNull(target);
        this.purpose = Objects.requireNonNull(purpose);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    public void recordAttempt() {
        attempts++;
    }

    public void consume(Instant at) {
        this.consumedAt = Objects.requireNonNull(at);
    }

    public String getTarget() {
        return target;
    }

    public OtpPurpose getPurpose() {
        return purpose;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getConsumedAt() {
        return consumedAt;
    }
}
