package com.allocar.wallet;

import com.allocar.identity.KycService;
import com.allocar.identity.PhoneNumbers;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.ForbiddenException;
import com.allocar.platform.errors.InsufficientFundsException;
import com.allocar.platform.errors.KycRequiredException;
import com.allocar.platform.errors.ServiceUnavailableException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.security.Ownership;
import com.allocar.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The wallet's use cases (WAL-1): the balance, its movements, withdrawals. Every balance change goes through
 * {@link WalletLedger} (WAL-2). While the setting {@code enable_wallet} is off, every endpoint here answers 403.
 */
@ApplicationScoped
@Transactional
public class WalletService {
    /** {@code GET /wallet/txns}: filters and sorts; {@code period} is read by {@link WalletPeriod}. */
    public static final ListSpec TXNS = ListSpec.builder()
            .filter("type", FilterType.of(WalletTxnType.class))
            .filter("status", FilterType.of(WalletTxnStatus.class))
            .filter("created_at", FilterType.INSTANT)
            .filter("amount", FilterType.NUMBER)
            .sortable("created_at", "amount")
            .defaultSort("created_at", true)
            .parameters("period")
            .build();
    private static final Map<String, String> TXN_ATTRIBUTES = Map.of("created_at", "createdAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    WalletLedger ledger;
    @Inject
    Settings settings;
    @Inject
    KycService kyc;
    @Inject
    PayoutGateways gateways;
    @Inject
    Ownership ownership;
    @Inject
    AuditService audit;
    @Inject
    WalletDebts debts;
    @Inject
    Event<WithdrawalRequested> requested;

    /** The user's wallet (created empty on first use) and the sum of its withdrawals being paid out. */
    public WalletView wallet(UUID userId) {
        requireEnabled();
        Wallet wallet = ledger.walletOf(userId);
        BigDecimal pending = em.createQuery("SELECT COALESCE(SUM(w.amount), 0) FROM WalletWithdrawal w "
                        + "WHERE w.userId = :user AND w.status IN :open", BigDecimal.class)
                .setParameter("user", userId).setParameter("open", WithdrawalStatus.UNSETTLED).getSingleResult();
        return WalletView.of(wallet, withdrawable(wallet), pending);
    }

    /** The balance less the credits on hold, and nothing while a debt is open. */
    private BigDecimal withdrawable(Wallet wallet) {
        if (debts.openTotal(wallet.getUserId()).signum() > 0) {
            return BigDecimal.ZERO;
        }
        return wallet.getBalance().subtract(ledger.onHold(wallet.getId())).max(BigDecimal.ZERO);
    }

    /**
     * Money leaves the platform only from what is not on hold, and not at all while the wallet owes a reversed
     * top-up. The wallet's row is locked, so concurrent withdrawals see each other's debits.
     */
    private void requireWithdrawable(UUID userId, BigDecimal amount) {
        Wallet wallet = ledger.lock(userId);
        BigDecimal debt = debts.openTotal(userId);
        if (debt.signum() > 0) {
            throw new ForbiddenException("The wallet owes a reversed top-up; withdrawals wait until finance settles it.",
                    Map.of("reason", "wallet_debt", "debt", WalletView.francs(debt)));
        }
        BigDecimal onHold = ledger.onHold(wallet.getId());
        BigDecimal withdrawable = wallet.getBalance().subtract(onHold).max(BigDecimal.ZERO);
        if (amount.compareTo(withdrawable) > 0 && amount.compareTo(wallet.getBalance()) <= 0) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("reason", "card_hold");
            details.put("balance", WalletView.francs(wallet.getBalance()));
            details.put("withdrawable", WalletView.francs(withdrawable));
            details.put("on_hold", WalletView.francs(onHold));
            details.put("required", amount);
            details.put("currency", "XOF");
            throw new InsufficientFundsException("Card top-ups can be withdrawn only once their hold has passed.",
                    details);
        }
    }

    /** A page of the user's movements, newest first unless sorted otherwise. */
    public Page<WalletTxnView> txns(UUID userId, ListQuery query, Optional<WalletPeriod> period) {
        requireEnabled();
        UUID walletId = ledger.walletOf(userId).getId();
        JpaLists.Scope<WalletTxn> scope = (cb, root) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.equal(root.get("wallet").get("id"), walletId));
            period.ifPresent(p -> {
                predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), p.from()));
                if (p.to() != null) {
                    predicates.add(cb.lessThan(root.get("createdAt"), p.to()));
                }
            });
            return predicates;
        };
        return JpaLists.page(em, WalletTxn.class, query, TXN_ATTRIBUTES, scope).map(WalletTxnView::of);
    }

    /**
     * Requests a withdrawal: checks the amount (whole francs, at least the minimum), the method (one with a payout
     * gateway), the phone, the KYC and the balance, then in this one transaction records the withdrawal and debits
     * the wallet. The payout is sent once this commits ({@link WithdrawalPayouts}).
     */
    public WithdrawalView withdraw(UUID userId, WithdrawRequest request) {
        requireEnabled();
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal minimum = settings.withdrawMinimum();
        BigDecimal amount = request.amount();
        if (amount.stripTrailingZeros().scale() > 0) {
            problems.put("amount", "must be a whole number of francs");
        } else if (amount.compareTo(minimum) < 0) {
            problems.put("amount", "must be at least " + WalletView.francs(minimum) + " XOF");
        }
        List<String> methods = payoutMethods();
        if (!methods.contains(request.method())) {
            problems.put("method", "cannot pay out to '" + request.method() + "'; available: " + methods);
        }
        String phone = null;
        try {
            phone = PhoneNumbers.normalize(request.phone(), "phone");
        } catch (ValidationException e) {
            problems.put("phone", "must be a mobile-money number in E.164 (e.g. +2250701234567)");
        }
        if (!problems.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fields", problems);
            details.put("minimum", WalletView.francs(minimum));
            details.put("methods", methods);
            throw new ValidationException("The request is not valid.", details);
        }
        amount = WalletView.francs(amount);
        if (!kyc.approved(userId)) {
            throw new KycRequiredException("Withdrawals need an approved identity verification.",
                    Map.of("kyc", "not_approved"));
        }
        PayoutProvider method = PayoutProvider.valueOf(request.method());
        PayoutGateway gateway = gateways.payouts(method).orElseThrow();
        if (!gateway.available()) {
            throw new ServiceUnavailableException("Withdrawals to " + method + " are not available; retry later.",
                    Map.of("method", method.name()));
        }
        requireWithdrawable(userId, amount);
        WalletWithdrawal withdrawal = new WalletWithdrawal(userId, amount, method, phone);
        em.persist(withdrawal);
        WalletTxn debit = ledger.debit(userId, new WalletLedger.Movement(amount, WalletTxnSource.withdrawal,
                "withdrawal", withdrawal.getId(), "withdrawal:" + withdrawal.getId(), "Retrait " + method));
        withdrawal.debitedBy(debit.getId());
        audit.record(ActorType.user, userId, "wallet.withdrawal.requested", "wallet_withdrawals", withdrawal.getId(),
                Map.of("amount", amount, "currency", "XOF", "method", method.name(), "wallet_txn_id", debit.getId(),
                        "balance_after", WalletView.francs(debit.getBalanceAfter())));
        em.flush();
        requested.fire(new WithdrawalRequested(withdrawal.getId()));
        return WithdrawalView.of(withdrawal);
    }

    /** The caller's withdrawal, or 404 (someone else's too). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WithdrawalView withdrawal(UUID id) {
        requireEnabled();
        return WithdrawalView.of(ownership.mine(WalletWithdrawal.class, id));
    }

    /** The methods a withdrawal can use now: those with a payout gateway. */
    List<String> payoutMethods() {
        return Arrays.stream(PayoutProvider.values()).filter(p -> gateways.payouts(p).isPresent())
                .map(PayoutProvider::name).toList();
    }

    /** 403 forbidden (details.setting) while the admin setting enable_wallet is off. */
    public void requireEnabled() {
        if (!settings.enableWallet()) {
            throw new ForbiddenException("The wallet is turned off.", Map.of("setting", "enable_wallet"));
        }
    }

    /** Fired in the withdrawal's transaction; observed after its commit to send the payout. */
    public record WithdrawalRequested(UUID withdrawalId) {
    }
}
