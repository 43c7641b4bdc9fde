package com.allocar.payouts;

import com.allocar.notifications.NotificationKind;
import com.allocar.notifications.Notice;
import com.allocar.notifications.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/** Tells a driver their payout was paid, in the transaction that records it (critical: SMS when push cannot). */
@ApplicationScoped
public class PayoutNotices {
    @Inject
    Notifications notifications;

    void onPaid(@Observes PayoutPaid paid) {
        notifications.notify(Notice.of("payout:" + paid.payoutId() + ":paid", paid.driverId(),
                NotificationKind.payout_paid, Map.of("amount", paid.amount()),
                Map.of("payout_id", paid.payoutId().toString())));
    }
}
