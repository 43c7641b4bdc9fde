package com.allocar.payments;

import com.allocar.platform.api.Page;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import com.allocar.wallet.WalletPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finance's list of payments ({@code GET /admin/payments}, ADM-2): every payment, filtered and paged. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdminPayments {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(PaymentStatus.class))
            .filter("method", FilterType.of(PaymentMethod.class))
            .filter("purpose", FilterType.of(PaymentPurpose.class))
            .filter("booking_id", FilterType.UUID_VALUE)
            .filter("user_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .filter("paid_at", FilterType.INSTANT)
            .filter("amount", FilterType.NUMBER)
            .parameters("period")
            .sortable("created_at", "paid_at", "amount")
            .defaultSort("created_at", true)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "method", "method",
            "purpose", "purpose", "booking_id", "booking.id", "user_id", "userId", "created_at", "createdAt",
            "paid_at", "paidAt", "amount", "amount");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;

    /** A page of payments; {@code period} (as {@link WalletPeriod} reads it) bounds their creation. */
    public Page<AdminPaymentView> list(ListQuery query, Optional<WalletPeriod> period) {
        JpaLists.Scope<Payment> scope = (cb, root) -> {
            List<Predicate> predicates = new ArrayList<>();
            period.ifPresent(p -> {
                predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), p.from()));
                if (p.to() != null) {
                    predicates.add(cb.lessThan(root.get("createdAt"), p.to()));
                }
            });
            return predicates;
        };
        return JpaLists.page(em, Payment.class, query, ATTRIBUTES, scope).map(AdminPaymentView::of);
    }
}
