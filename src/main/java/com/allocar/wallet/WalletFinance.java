package com.allocar.wallet;

import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finance's side of the wallet (issue 12): withdrawals whose payout may have been made (needs_review) and debts
 * left by reversed top-ups, listed and resolved with a note, audited.
 */
@ApplicationScoped
@Transactional
public class WalletFinance {
    public static final ListSpec WITHDRAWALS = ListSpec.builder()
            .filter("status", FilterType.of(WithdrawalStatus.class))
            .filter("user_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "amount")
            .defaultSort("created_at", false)
            .build();
    public static final ListSpec DEBTS = ListSpec.builder()
            .filter("status", FilterType.of(WalletDebtStatus.class))
            .filter("user_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "amount")
            .defaultSort("created_at", false)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "user_id", "userId",
            "created_at", "createdAt", "amount", "amount");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    WithdrawalRecords records;
    @Inject
    AuditService audit;

    public Page<AdminWithdrawalView> withdrawals(ListQuery query) {
        return JpaLists.page(em, WalletWithdrawal.class, query, ATTRIBUTES, (cb, root) -> List.of())
                .map(AdminWithdrawalView::of);
    }

    /** {@code paid}: done; otherwise failed and credited back. See {@link WithdrawalRecords#resolve}. */
    public AdminWithdrawalView resolveWithdrawal(UUID adminId, UUID id, boolean paid, String note) {
        return AdminWithdrawalView.of(records.resolve(id, adminId, paid, note));
    }

    public Page<WalletDebtView> debts(ListQuery query) {
        return JpaLists.page(em, WalletDebt.class, query, ATTRIBUTES, (cb, root) -> List.of()).map(WalletDebtView::of);
    }

    /** Closes an open debt (the wallet may pay out again once none is open). 409 when it is not open. */
    public WalletDebtView resolveDebt(UUID adminId, UUID id, WalletDebtStatus outcome, String note) {
        WalletDebt debt = em.find(WalletDebt.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (debt == null) {
            throw new NotFoundException("No such debt.");
        }
        debt.resolve(outcome, adminId, note, Instant.now().truncatedTo(ChronoUnit.MICROS));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("user_id", debt.getUserId().toString());
        meta.put("payment_id", debt.getPaymentId().toString());
        meta.put("amount", WalletView.francs(debt.getAmount()));
        meta.put("outcome", outcome.name());
        meta.put("note", note);
        audit.record(ActorType.admin, adminId, "wallet.debt.resolved", "wallet_debts", id, meta);
        em.flush();
        return WalletDebtView.of(debt);
    }
}
