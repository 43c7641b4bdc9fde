package com.allocar.earnings;

import com.allocar.platform.api.Page;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.platform.settings.Settings;
import com.allocar.wallet.WalletPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a driver reads of their ledger: the balances, the totals by period, the entries. Sums are made in SQL. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EarningsService {
    public static final ListSpec ENTRIES = ListSpec.builder()
            .filter("kind", FilterType.of(LedgerKind.class))
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "amount")
            .defaultSort("created_at", true)
            .build();
    private static final Map<String, String> ENTRY_ATTRIBUTES = Map.of("created_at", "createdAt", "kind", "kind",
            "amount", "amount");
    static final Set<String> GROUPS = Set.of("day", "week", "month");
    private static final String DEFAULT_PERIOD = "366d";

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    Settings settings;
    @Inject
    Instance<PayoutTotals> payoutTotals;

    /** The driver's balances and the totals of {@code period} (default the last 366 days) by {@code group}. */
    public EarningsView earnings(UUID driverId, String period, String group, Instant now) {
        String groupBy = group == null || group.isBlank() ? "month" : group;
        if (!GROUPS.contains(groupBy)) {
            throw ValidationException.field("group", "expected day, week or month");
        }
        WalletPeriod range = WalletPeriod.optional(period, now)
                .orElseGet(() -> WalletPeriod.parse(DEFAULT_PERIOD, now));
        Instant end = range.to() == null ? now : range.to();
        Object[] balances = (Object[]) em.createNativeQuery("SELECT "
                        + "coalesce(sum(amount) FILTER (WHERE available_at <= ?2), 0), "
                        + "coalesce(sum(amount) FILTER (WHERE available_at > ?2), 0) "
                        + "FROM driver_ledger WHERE driver_id = ?1")
                .setParameter(1, driverId).setParameter(2, now).getSingleResult();
        PayoutTotals.Totals payouts = payoutTotals.isResolvable() ? payoutTotals.get().of(driverId)
                : new PayoutTotals.Totals(BigDecimal.ZERO, BigDecimal.ZERO);
        return new EarningsView(francs(balances[0]), francs(balances[1]), payouts.inFlight(), payouts.paid(),
                settings.payoutMinimum(), settings.payoutHold().toHours(), "XOF", range.from(), end, groupBy,
                periods(driverId, range.from(), end, groupBy));
    }

    private List<EarningsPeriodView> periods(UUID driverId, Instant from, Instant to, String group) {
        // group is one of GROUPS (checked above), never the caller's text
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT date_trunc('" + group + "', created_at AT TIME ZONE 'UTC'), "
                        + "coalesce(sum(amount) FILTER (WHERE kind = 'earning'), 0), "
                        + "coalesce(sum(amount) FILTER (WHERE kind = 'cancellation_compensation'), 0), "
                        + "coalesce(sum(amount) FILTER (WHERE kind = 'reversal'), 0), "
                        + "coalesce(sum(amount) FILTER (WHERE kind IN ('fine', 'dispute_charge')), 0), "
                        + "coalesce(sum(gross), 0), coalesce(sum(commission + fees), 0), "
                        + "count(*) FILTER (WHERE kind = 'earning') "
                        + "FROM driver_ledger WHERE driver_id = ?1 AND created_at >= ?2 AND created_at < ?3 "
                        + "AND kind NOT IN ('payout', 'payout_returned') GROUP BY 1 ORDER BY 1")
                .setParameter(1, driverId).setParameter(2, from).setParameter(3, to).getResultList();
        List<EarningsPeriodView> periods = new ArrayList<>();
        for (Object[] row : rows) {
            BigDecimal earned = francs(row[1]);
            BigDecimal compensation = francs(row[2]);
            BigDecimal reversals = francs(row[3]);
            BigDecimal fines = francs(row[4]);
            periods.add(new EarningsPeriodView(utc(row[0]), earned, compensation, reversals, fines,
                    earned.add(compensation).add(reversals).add(fines), francs(row[5]), francs(row[6]),
                    ((Number) row[7]).longValue()));
        }
        return periods;
    }

    /** A page of the driver's ledger entries, newest first unless sorted otherwise. */
    public Page<LedgerEntryView> entries(UUID driverId, ListQuery query) {
        JpaLists.Scope<DriverLedgerEntry> scope = (cb, root) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(cb.equal(root.get("driverId"), driverId));
            return predicates;
        };
        return JpaLists.page(em, DriverLedgerEntry.class, query, ENTRY_ATTRIBUTES, scope).map(LedgerEntryView::of);
    }

    private static Instant utc(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    static BigDecimal francs(Object value) {
        return ((BigDecimal) value).setScale(0, java.math.RoundingMode.HALF_UP);
    }
}
