package com.allocar.wallet;

import com.allocar.platform.errors.InsufficientFundsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The only code that moves a wallet's balance (WAL-2). Each movement is one conditional {@code UPDATE wallets} and
 * its {@code wallet_txns} row, in the caller's transaction (so a debit and its cause commit together or not at
 * all): the balance stays the sum of the completed transactions and never goes negative, under any concurrency,
 * without a read-check-write in Java. A movement carries an idempotency key, unique per wallet: applying the
 * same cause twice returns the first transaction and moves nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WalletLedger {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /**
     * The user's wallet, read without a write when it exists (the usual case); created empty on first use
     * (concurrent first uses make one wallet).
     */
    public Wallet walletOf(UUID userId) {
        return find(userId).orElseGet(() -> {
            em.createNativeQuery("INSERT INTO wallets (user_id) VALUES (?1) ON CONFLICT (user_id) DO NOTHING")
                    .setParameter(1, userId).executeUpdate();
            return find(userId).orElseThrow();
        });
    }

    /**
     * The user's wallet, its row locked until the transaction ends and its balance read fresh: for checks that
     * a conditional update cannot express (what is on hold, what is owed) before a debit.
     */
    public Wallet lock(UUID userId) {
        Wallet wallet = walletOf(userId);
        em.refresh(wallet, LockModeType.PESSIMISTIC_WRITE);
        return wallet;
    }

    /** The credits of the wallet that are still on hold now (counted in the balance, not withdrawable). */
    public BigDecimal onHold(UUID walletId) {
        return em.createQuery("SELECT COALESCE(SUM(t.amount), 0) FROM WalletTxn t WHERE t.wallet.id = :wallet "
                        + "AND t.type = :credit AND t.status = :completed AND t.holdUntil > :now", BigDecimal.class)
                .setParameter("wallet", walletId).setParameter("credit", WalletTxnType.credit)
                .setParameter("completed", WalletTxnStatus.completed).setParameter("now", Instant.now())
                .getSingleResult();
    }

    private Optional<Wallet> find(UUID userId) {
        return em.createQuery("SELECT w FROM Wallet w WHERE w.userId = :user", Wallet.class)
                .setParameter("user", userId).getResultStream().findFirst();
    }

    /** Adds {@code amount} (more than 0) to the user's balance, with its transaction row. */
    public WalletTxn credit(UUID userId, Movement movement) {
        return move(userId, WalletTxnType.credit, movement);
    }

    /**
     * Takes {@code amount} (more than 0) from the user's balance, with its transaction row.
     *
     * @throws InsufficientFundsException (402) when the balance is smaller; nothing changes
     */
    public WalletTxn debit(UUID userId, Movement movement) {
        return move(userId, WalletTxnType.debit, movement);
    }

    /** The transaction of an earlier movement with this key, if any. */
    public Optional<WalletTxn> find(UUID walletId, String idempotencyKey) {
        List<WalletTxn> found = em.createQuery("SELECT t FROM WalletTxn t WHERE t.wallet.id = :wallet "
                        + "AND t.idempotencyKey = :key", WalletTxn.class)
                .setParameter("wallet", walletId).setParameter("key", idempotencyKey).getResultList();
        return found.stream().findFirst();
    }

    private WalletTxn move(UUID userId, WalletTxnType type, Movement movement) {
        Wallet wallet = walletOf(userId);
        Optional<WalletTxn> earlier = find(wallet.getId(), movement.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        BigDecimal signed = type == WalletTxnType.credit ? movement.amount() : movement.amount().negate();
        @SuppressWarnings("unchecked")
        List<Object> after = em.createNativeQuery("UPDATE wallets SET balance = balance + ?1, version = version + 1 "
                        + "WHERE id = ?2 AND balance + ?1 >= 0 RETURNING balance")
                .setParameter(1, signed).setParameter(2, wallet.getId()).getResultList();
        if (after.isEmpty()) {
            em.refresh(wallet);
            throw new InsufficientFundsException("The wallet's balance is too low.",
                    Map.of("balance", wallet.getBalance().setScale(0, RoundingMode.DOWN), "required", movement.amount(),
                            "currency", "XOF"));
        }
        WalletTxn txn = new WalletTxn(wallet, type, movement.source(), movement.amount(), WalletTxnStatus.completed)
                .withRef(movement.refType(), movement.refId(), movement.idempotencyKey());
        txn.setBalanceAfter((BigDecimal) after.get(0));
        txn.setDescription(movement.description());
        txn.setHoldUntil(movement.holdUntil());
        em.persist(txn);
        em.flush();
        em.refresh(wallet);
        return txn;
    }

    /**
     * One movement of money.
     *
     * @param amount         whole francs, more than 0
     * @param source         why (payment, refund, topup, withdrawal …)
     * @param refType        what {@code refId} is: payment, booking, withdrawal, refund …
     * @param refId          the cause's id
     * @param idempotencyKey unique per wallet for this cause, e.g. {@code refund:<refund id>}
     * @param description    a short text shown to the user, may be null
     * @param holdUntil      a credit that cannot be withdrawn before then (card top-ups), or null
     */
    public record Movement(BigDecimal amount, WalletTxnSource source, String refType, UUID refId,
                           String idempotencyKey, String description, Instant holdUntil) {
        /** A movement without hold. */
        public Movement(BigDecimal amount, WalletTxnSource source, String refType, UUID refId, String idempotencyKey,
                        String description) {
            this(amount, source, refType, refId, idempotencyKey, description, null);
        }

        public Movement {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("a wallet movement is a whole number of francs above 0");
            }
            amount = amount.setScale(0, RoundingMode.UNNECESSARY);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(refType, "refType");
            Objects.requireNonNull(refId, "refId");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        }
    }
}
