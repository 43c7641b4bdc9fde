package com.allocar.payments;

import com.allocar.platform.api.Page;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finance's queue of refunds (issue 12): those in needs_review (the provider may have refunded, or a MANUAL refund
 * to pay out) and any other by filter, and their resolution with a note ({@link RefundStore#resolve}).
 */
@ApplicationScoped
@Transactional
public class RefundReviews {
    public static final ListSpec LIST = ListSpec.builder()
            .filter("status", FilterType.of(RefundStatus.class))
            .filter("route", FilterType.of(RefundRoute.class))
            .filter("payment_id", FilterType.UUID_VALUE)
            .filter("created_at", FilterType.INSTANT)
            .sortable("created_at", "amount")
            .defaultSort("created_at", false)
            .build();
    private static final Map<String, String> ATTRIBUTES = Map.of("status", "status", "route", "route",
            "payment_id", "paymentId", "created_at", "createdAt", "amount", "amount");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    RefundStore store;

    public Page<AdminRefundView> list(ListQuery query) {
        return JpaLists.page(em, PaymentRefund.class, query, ATTRIBUTES, (cb, root) -> List.of())
                .map(refund -> AdminRefundView.of(refund, em.find(Payment.class, refund.getPaymentId())));
    }

    /** {@code paid}: completed (refunded amount grows); otherwise failed (refundable again). 404, 409 as stored. */
    public AdminRefundView resolve(UUID adminId, UUID refundId, boolean paid, String note) {
        PaymentRefund refund = store.resolve(refundId, adminId, paid, note);
        return AdminRefundView.of(refund, em.find(Payment.class, refund.getPaymentId()));
    }
}
