package com.allocar.payments.provider;

import java.util.Optional;
import java.util.UUID;

/**
 * The notification token stored for an attempt ({@code payment_attempts.notif_token}), for providers whose
 * notifications prove themselves with it (Orange). The caller reads it in a short transaction of its own; no remote call.
 */
@FunctionalInterface
public interface NotificationTokens {
    Optional<String> notifTokenOf(UUID paymentId);

    /** For providers that sign their webhooks: no stored tokens needed. */
    static NotificationTokens none() {
        return paymentId -> Optional.empty();
    }
}
