package com.allocar.payments;

import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderStatus;

/**
 * Who brought a provider's word to {@link WebhookInbox}: the provider's own notification ({@code webhook}), the
 * poller that re-reads attempts whose notification did not come ({@code poll}, issue 13 point 3a), or the daily
 * reconciliation ({@code reconciliation}, point 3b). It names the inbox row's event type and the audited source
 * ({@code poll:wave}).
 */
public enum LookUpOrigin {
    webhook, poll, reconciliation;

    /**
     * Whether a hint confirmed by a look-up is acted on for an attempt in {@code status}: one still waiting for the
     * provider's word; for the reconciliation also a failed attempt that the provider reports paid (the money
     * arrived after all, as a signed webhook could say).
     */
    boolean accepts(AttemptStatus status, ProviderStatus looked) {
        if (status.awaiting()) {
            return true;
        }
        return this == reconciliation && status == AttemptStatus.failed && looked != null
                && looked.status() == ProviderPaymentStatus.succeeded;
    }
}
