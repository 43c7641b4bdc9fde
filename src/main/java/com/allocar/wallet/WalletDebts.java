package com.allocar.wallet;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Takes back a top-up's credit when the provider gives the money back to the payer (a refund, a chargeback), in
 * the caller's transaction: as much as the balance holds is debited now (the balance never goes negative), the
 * rest becomes an open {@link WalletDebt} that stops withdrawals until finance resolves it. What one top-up gives
 * back in total is capped at its amount, however many refunds and disputes report it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WalletDebts {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    WalletLedger ledger;
    @Inject
    AuditService audit;

    /** What a reversal did: debited now, and owed (an open debt). */
    public record Reversal(BigDecimal debited, BigDecimal owed) {
    }

    /**
     * Reverses up to {@code amount} of the top-up {@code paymentId} (of {@code topupAmount}).
     *
     * @param reason   {@code topup_refunded} or {@code topup_disputed}
     * @param causeKey the provider event that reported it, unique: the same event reverses once
     */
    public Reversal reverseTopup(UUID userId, UUID paymentId, BigDecimal topupAmount, BigDecimal amount, String reason,
                                 String causeKey) {
        Wallet wallet = ledger.lock(userId);
        BigDecimal reversed = em.createQuery("SELECT COALESCE(SUM(t.amount), 0) FROM WalletTxn t WHERE t.wallet.id = "
                        + ":wallet AND t.type = :debit AND t.source = :topup AND t.refType = 'payment' AND t.refId = :payment",
                        BigDecimal.class)
                .setParameter("wallet", wallet.getId()).setParameter("debit", WalletTxnType.debit)
                .setParameter("topup", WalletTxnSource.topup).setParameter("payment", paymentId).getSingleResult()
                .add(em.createQuery("SELECT COALESCE(SUM(d.amount), 0) FROM WalletDebt d WHERE d.paymentId = :payment",
                        BigDecimal.class).setParameter("payment", paymentId).getSingleResult());
        BigDecimal due = amount.min(topupAmount.subtract(reversed)).setScale(0, java.math.RoundingMode.DOWN);
        if (due.signum() <= 0) {
            return new Reversal(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal debited = due.min(wallet.getBalance().setScale(0, java.math.RoundingMode.DOWN));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("payment_id", paymentId.toString());
        meta.put("reason", reason);
        meta.put("amount", due);
        meta.put("debited", debited);
        if (debited.signum() > 0) {
            WalletTxn txn = ledger.debit(userId, new WalletLedger.Movement(debited, WalletTxnSource.topup, "payment",
                    paymentId, "topup-reversal:" + causeKey, "topup_disputed".equals(reason)
                    ? "Recharge contestée auprès de la banque" : "Recharge remboursée sur la carte"));
            meta.put("wallet_txn_id", txn.getId().toString());
            meta.put("balance_after", WalletView.francs(txn.getBalanceAfter()));
        }
        BigDecimal owed = due.subtract(debited);
        if (owed.signum() > 0) {
            WalletDebt debt = new WalletDebt(userId, paymentId, owed, reason, causeKey);
            em.persist(debt);
            meta.put("debt_id", debt.getId().toString());
            meta.put("owed", owed);
        }
        audit.record(ActorType.system, null, "wallet.topup_reversed", "wallets", wallet.getId(), meta);
        return new Reversal(debited, owed);
    }

    /** The sum of the user's open debts. */
    public BigDecimal openTotal(UUID userId) {
        return em.createQuery("SELECT COALESCE(SUM(d.amount), 0) FROM WalletDebt d WHERE d.userId = :user "
                        + "AND d.status = :open", BigDecimal.class)
                .setParameter("user", userId).setParameter("open", WalletDebtStatus.open).getSingleResult();
    }
}
