package com.allocar.wallet;

import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ConflictException;
import com.allocar.platform.errors.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The withdrawal state changes after creation, each a short transaction of its own (the payout call happens
 * between them, outside any transaction). Every change is a conditional {@code UPDATE} on an open withdrawal, so
 * when two senders race (the after-commit send and the job, or two instances) only one claims an attempt and only
 * one records a final outcome; returning the money is in the same transaction as the change to {@code failed}.
 * A withdrawal in needs_review changes only by finance's {@link #resolve}.
 */
@ApplicationScoped
@Transactional
public class WithdrawalRecords {
    private static final String OPEN = WithdrawalStatus.openCondition();

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    WalletLedger ledger;
    @Inject
    AuditService audit;

    /** An attempt of one withdrawal's payout, claimed by this sender until its lease ends. */
    public record Claim(UUID id, UUID userId, BigDecimal amount, PayoutProvider method, String phone,
                        String providerRef, int attempt) {
        /** Without the phone number, for logs. */
        @Override
        public String toString() {
            return "withdrawal " + id + " attempt " + attempt + " (" + amount + " XOF to " + method + ")";
        }
    }

    /** Open withdrawals whose next attempt is due, oldest first. */
    public List<UUID> due(int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM wallet_withdrawals WHERE " + OPEN
                        + " AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return ids;
    }

    /**
     * Claims the next attempt if the withdrawal is open and due: pushes its next attempt {@code lease} ahead (a
     * sender that dies mid-call is replaced once the lease ends) and counts the attempt.
     */
    public Optional<Claim> claim(UUID id, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE wallet_withdrawals SET attempts = attempts + 1, "
                        + "next_attempt_at = now() + make_interval(secs => ?2) WHERE id = ?1 AND " + OPEN
                        + " AND next_attempt_at <= now() "
                        + "RETURNING id, user_id, amount, method, phone, provider_ref, attempts")
                .setParameter(1, id).setParameter(2, (double) lease.toSeconds()).getResultList();
        return rows.stream().findFirst().map(row -> new Claim((UUID) row[0], (UUID) row[1],
                WalletView.francs((BigDecimal) row[2]), PayoutProvider.valueOf((String) row[3]), (String) row[4],
                (String) row[5], ((Number) row[6]).intValue()));
    }

    /** The provider paid: done. */
    public void done(Claim claim, String providerRef) {
        int changed = em.createNativeQuery("UPDATE wallet_withdrawals SET status = 'done', "
                        + "provider_ref = COALESCE(?2, provider_ref), next_attempt_at = NULL, completed_at = now() "
                        + "WHERE id = ?1 AND " + OPEN)
                .setParameter(1, claim.id()).setParameter(2, providerRef).executeUpdate();
        if (changed == 1) {
            audit.record(ActorType.system, null, "wallet.withdrawal.done", "wallet_withdrawals", claim.id(),
                    meta(claim, providerRef, null));
        }
    }

    /**
     * The provider refused, failed or reversed the payout: failed, and the amount credited back to the wallet
     * in this same transaction (once: the credit's key is {@code withdrawal-return:<id>}).
     */
    public void failed(Claim claim, String providerRef, String reason) {
        int changed = em.createNativeQuery("UPDATE wallet_withdrawals SET status = 'failed', "
                        + "provider_ref = COALESCE(?2, provider_ref), failure_reason = ?3, next_attempt_at = NULL, "
                        + "completed_at = now() WHERE id = ?1 AND " + OPEN)
                .setParameter(1, claim.id()).setParameter(2, providerRef).setParameter(3, reason).executeUpdate();
        if (changed != 1) {
            return;
        }
        Map<String, Object> meta = meta(claim, providerRef, reason);
        giveBack(claim, meta);
        audit.record(ActorType.system, null, "wallet.withdrawal.failed", "wallet_withdrawals", claim.id(), meta);
    }

    /**
     * The provider may have paid (an earlier send went unanswered and this one was refused): needs_review, neither
     * sent again nor credited back until finance resolves it ({@link #resolve}).
     */
    public void review(Claim claim, String providerRef, String why) {
        int changed = em.createNativeQuery("UPDATE wallet_withdrawals SET status = 'needs_review', "
                        + "provider_ref = COALESCE(?2, provider_ref), failure_reason = ?3, next_attempt_at = NULL "
                        + "WHERE id = ?1 AND " + OPEN)
                .setParameter(1, claim.id()).setParameter(2, providerRef).setParameter(3, why).executeUpdate();
        if (changed == 1) {
            audit.record(ActorType.system, null, "wallet.withdrawal.needs_review", "wallet_withdrawals", claim.id(),
                    meta(claim, providerRef, why));
        }
    }

    /**
     * Finance's decision on a withdrawal in needs_review, after checking the provider's records: {@code paid} makes
     * it done; otherwise it failed and the amount is credited back in this transaction. Audited with the note.
     *
     * @throws NotFoundException 404 when there is no such withdrawal
     * @throws ConflictException 409 when it is not in needs_review (details.from)
     */
    public WalletWithdrawal resolve(UUID id, UUID adminId, boolean paid, String note) {
        WalletWithdrawal withdrawal = em.find(WalletWithdrawal.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (withdrawal == null) {
            throw new NotFoundException("No such withdrawal.");
        }
        WithdrawalStatus to = paid ? WithdrawalStatus.done : WithdrawalStatus.failed;
        if (withdrawal.getStatus() != WithdrawalStatus.needs_review) {
            throw new ConflictException("Only a withdrawal in needs_review can be resolved.",
                    Map.of("from", withdrawal.getStatus().name(), "to", to.name()));
        }
        em.createNativeQuery("UPDATE wallet_withdrawals SET status = ?2, completed_at = now(), resolved_by = ?3, "
                        + "resolved_at = now(), resolution_note = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, to.name()).setParameter(3, adminId).setParameter(4, note)
                .executeUpdate();
        Claim claim = new Claim(id, withdrawal.getUserId(), withdrawal.getAmount(), withdrawal.getMethod(),
                withdrawal.getPhone(), withdrawal.getProviderRef(), withdrawal.getAttempts());
        Map<String, Object> meta = meta(claim, null, withdrawal.getFailureReason());
        meta.put("outcome", to.name());
        meta.put("note", note);
        if (!paid) {
            giveBack(claim, meta);
        }
        audit.record(ActorType.admin, adminId, "wallet.withdrawal.resolved", "wallet_withdrawals", id, meta);
        em.flush();
        em.refresh(withdrawal);
        return withdrawal;
    }

    /** Credits the amount back (key {@code withdrawal-return:<id>}: at most once) and links the credit. */
    private void giveBack(Claim claim, Map<String, Object> meta) {
        WalletTxn returned = ledger.credit(claim.userId(), new WalletLedger.Movement(claim.amount(),
                WalletTxnSource.withdrawal, "withdrawal", claim.id(), "withdrawal-return:" + claim.id(),
                "Retrait échoué : montant restitué"));
        em.createNativeQuery("UPDATE wallet_withdrawals SET return_txn_id = ?2 WHERE id = ?1")
                .setParameter(1, claim.id()).setParameter(2, returned.getId()).executeUpdate();
        meta.put("returned_txn_id", returned.getId());
        meta.put("balance_after", WalletView.francs(returned.getBalanceAfter()));
    }

    /**
     * The outcome is not known yet (the provider is still processing, or we heard no answer): processing, to be
     * looked up (or sent again with the same idempotency key) in {@code retryIn}.
     */
    public void unresolved(Claim claim, String providerRef, String why, Duration retryIn) {
        int changed = em.createNativeQuery("UPDATE wallet_withdrawals SET status = 'processing', "
                        + "provider_ref = COALESCE(?2, provider_ref), "
                        + "next_attempt_at = now() + make_interval(secs => ?3) WHERE id = ?1 AND " + OPEN)
                .setParameter(1, claim.id()).setParameter(2, providerRef)
                .setParameter(3, (double) retryIn.toSeconds()).executeUpdate();
        if (changed == 1) {
            Map<String, Object> meta = meta(claim, providerRef, why);
            meta.put("retry_in_seconds", retryIn.toSeconds());
            audit.record(ActorType.system, null, "wallet.withdrawal.processing", "wallet_withdrawals", claim.id(),
                    meta);
        }
    }

    private static Map<String, Object> meta(Claim claim, String providerRef, String reason) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("amount", claim.amount());
        meta.put("currency", "XOF");
        meta.put("method", claim.method().name());
        meta.put("attempt", claim.attempt());
        if (providerRef != null || claim.providerRef() != null) {
            meta.put("provider_ref", providerRef != null ? providerRef : claim.providerRef());
        }
        if (reason != null) {
            meta.put("reason", reason);
        }
        return meta;
    }
}
