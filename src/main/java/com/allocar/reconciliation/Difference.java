package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One difference, as a run records it ({@code reconciliation_items}).
 *
 * @param key       names the record within the run ({@code attempt:<id>}, {@code refund:<id>}, {@code payout:<id>},
 *                  {@code withdrawal:<id>}, {@code provider:<provider>:<ref>}, {@code event:<inbox id>})
 * @param recordId  the refund, payout or withdrawal id (as {@code recordType} says), else null
 * @param ourRef    our reference at the provider (the attempt id), null when we have none
 * @param repaired  whether the run repaired it (through the webhook path)
 * @param action    what was done, or what finance should do
 */
public record Difference(DifferenceKind kind, RecordType recordType, PaymentProvider provider, String key,
                         UUID paymentId, UUID attemptId, UUID recordId, String ourRef, String providerRef,
                         BigDecimal ourAmount, String ourStatus, BigDecimal providerAmount, String providerStatus,
                         boolean repaired, String action) {
    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
    }

    /** The same difference, after a repair was tried. */
    public Difference withRepair(boolean done, String what) {
        return new Difference(kind, recordType, provider, key, paymentId, attemptId, recordId, ourRef, providerRef,
                ourAmount, ourStatus, providerAmount, providerStatus, done, what);
    }
}
