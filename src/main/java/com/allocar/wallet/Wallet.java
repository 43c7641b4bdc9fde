package com.allocar.wallet;

import com.allocar.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A user's balance (one wallet per user). The balance is never negative (checked by the database) and is
 * changed together with the {@link WalletTxn} that explains it, by a conditional update or under a row lock.
 */
@Entity
@Table(name = "wallets")
@DynamicUpdate
public class Wallet extends VersionedEntity {
    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal balance = BigDecimal.ZERO;

    @Column(nullable = false)
    private String currency = "XOF";

    protected Wallet() {
    }

    /** An empty wallet. */
    public Wallet(UUID userId) {
        this.userId = Objects.requireNonNull(userId);
    }

    public UUID getUserId() {
        return userId;
    }

    public BigDecimal getBalance() {
        return balance;
    }

    public String getCurrency() {
        return currency;
    }
}
