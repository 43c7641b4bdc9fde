package com.allocar.payouts;

import com.allocar.earnings.DriverLedger;
import com.allocar.earnings.LedgerKind;
import com.allocar.earnings.LedgerPosting;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A payout's state moves, each a conditional update in a transaction of its own: the claim of an attempt (committed
 * before the provider is called), then what the provider said. A failed payout posts its amount back to the driver's
 * balance in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PayoutRecords {
    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    DriverLedger ledger;
    @Inject
    AuditService audit;
    @Inject
    Event<PayoutPaid> paidEvents;

    /** An attempt at a payout, claimed; {@code attempt} counts from 1. */
    public record Claim(UUID id, UUID driverId, BigDecimal amount, String recipient, String providerRef, int attempt) {
        @Override
        public String toString() {
            return "payout " + id + " attempt " + attempt + " (" + amount + " XOF)";
        }
    }

    /**
     * Claims the next attempt of a scheduled or processing payout nobody else is working on (its lease over): moves it
     * to processing and commits, so a crash from here on leaves an attempt that must be looked up, never guessed.
     */
    public Optional<Claim> claim(UUID payoutId, Duration lease) {
        int claimed = em.createNativeQuery("UPDATE payouts SET status = 'processing', attempts = attempts + 1, "
                        + "claimed_until = now() + make_interval(secs => ?2) WHERE id = ?1 "
                        + "AND status IN ('scheduled', 'processing') AND (claimed_until IS NULL OR claimed_until < now())")
                .setParameter(1, payoutId).setParameter(2, (double) lease.toSeconds()).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT driver_id, amount, recipient, provider_ref, attempts "
                + "FROM payouts WHERE id = ?1").setParameter(1, payoutId).getSingleResult();
        return Optional.of(new Claim(payoutId, (UUID) row[0], (BigDecimal) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue()));
    }

    public void paid(Claim claim, String providerRef) {
        if (move(claim.id(), List.of("processing"), "paid", providerRef, null)) {
            audit.record(ActorType.system, null, "payout.paid", "payouts", claim.id(), meta(claim, providerRef, null));
            paidEvents.fire(new PayoutPaid(claim.id(), claim.driverId(), claim.amount()));
        }
    }

    public void failed(Claim claim, String providerRef, String reason) {
        if (move(claim.id(), List.of("processing"), "failed", providerRef, reason)) {
            giveBack(claim.id(), claim.driverId(), claim.amount(), reason);
            audit.record(ActorType.system, null, "payout.failed", "payouts", claim.id(), meta(claim, providerRef, reason));
        }
    }

    /** The outcome is unknown: the payout stays processing, free for the next attempt (a run, a retry). */
    public void unresolved(Claim claim, String providerRef, String reason) {
        em.createNativeQuery("UPDATE payouts SET provider_ref = coalesce(?2, provider_ref), failure_reason = ?3, "
                        + "claimed_until = NULL WHERE id = ?1 AND status = 'processing'")
                .setParameter(1, claim.id()).setParameter(2, providerRef).setParameter(3, reason).executeUpdate();
    }

    public void review(Claim claim, String reason) {
        if (move(claim.id(), List.of("processing"), "needs_review", null, reason)) {
            audit.record(ActorType.system, null, "payout.needs_review", "payouts", claim.id(), meta(claim, null, reason));
        }
    }

    /**
     * Finance's word on a payout whose outcome the platform could not settle (needs_review, or processing and not
     * being attempted): paid (with the provider's reference when known) or failed (its amount back to the balance).
     * False when the payout was in no such state.
     */
    public boolean resolve(UUID payoutId, boolean paid, String providerRef, String note, UUID adminId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT driver_id, amount FROM payouts WHERE id = ?1 FOR UPDATE")
                .setParameter(1, payoutId).getResultStream().findFirst().orElse(null);
        if (row == null) {
            return false;
        }
        int moved = em.createNativeQuery("UPDATE payouts SET status = ?2, provider_ref = coalesce(?3, provider_ref), "
                        + "review_note = ?4, resolved_by = ?5, resolved_at = now(), processed_at = now(), "
                        + "claimed_until = NULL WHERE id = ?1 AND (status = 'needs_review' OR (status = 'processing' "
                        + "AND (claimed_until IS NULL OR claimed_until < now())))")
                .setParameter(1, payoutId).setParameter(2, paid ? "paid" : "failed").setParameter(3, providerRef)
                .setParameter(4, note).setParameter(5, adminId).executeUpdate();
        if (moved == 0) {
            return false;
        }
        UUID driverId = (UUID) row[0];
        BigDecimal amount = (BigDecimal) row[1];
        if (!paid) {
            giveBack(payoutId, driverId, amount, "resolved_failed");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("outcome", paid ? "paid" : "failed");
        meta.put("provider_ref", providerRef);
        meta.put("note", note);
        meta.put("amount", amount);
        audit.record(ActorType.admin, adminId, "payout.resolved", "payouts", payoutId, meta);
        if (paid) {
            paidEvents.fire(new PayoutPaid(payoutId, driverId, amount));
        }
        return true;
    }

    private boolean move(UUID payoutId, List<String> from, String to, String providerRef, String reason) {
        return em.createNativeQuery("UPDATE payouts SET status = ?2, provider_ref = coalesce(?3, provider_ref), "
                        + "failure_reason = coalesce(?4, failure_reason), processed_at = CASE WHEN ?2 IN ('paid', 'failed') "
                        + "THEN now() ELSE processed_at END, claimed_until = NULL WHERE id = ?1 AND status IN (?5)")
                .setParameter(1, payoutId).setParameter(2, to).setParameter(3, providerRef).setParameter(4, reason)
                .setParameter(5, from).executeUpdate() == 1;
    }

    /** A failed payout's amount back in the driver's balance, once, with why. */
    private void giveBack(UUID payoutId, UUID driverId, BigDecimal amount, String reason) {
        ledger.post(new LedgerPosting(driverId, LedgerKind.payout_returned, amount, null, null, null, null, null, null,
                null, null, "payout_returned:" + payoutId, Instant.now(),
                "Virement échoué, montant rendu (" + reason + ")"));
    }

    private static Map<String, Object> meta(Claim claim, String providerRef, String reason) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("driver_id", claim.driverId().toString());
        meta.put("amount", claim.amount());
        meta.put("attempt", claim.attempt());
        meta.put("provider_ref", providerRef);
        meta.put("reason", reason);
        return meta;
    }
}
