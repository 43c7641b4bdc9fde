package com.allocar.payouts;

import com.allocar.wallet.PayoutCall;
import com.allocar.wallet.PayoutGateways;
import com.allocar.wallet.PayoutProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends one payout through Wave's payout API, never inside a transaction: claims the attempt (committed as
 * processing), calls the provider with the payout id as idempotency key and client reference (or looks an earlier
 * attempt up, or searches for it when its answer was lost), records what came back. Whatever stops us between the
 * claim and the record, the next attempt finds the payout processing and asks the provider before sending again.
 */
@ApplicationScoped
public class PayoutSender {
    /** How long a claimed attempt may take before another may take over (well above a provider call). */
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(PayoutSender.class.getName());

    @Inject
    PayoutRecords records;
    @Inject
    PayoutGateways gateways;

    /** One attempt at the payout: what came of it (empty when someone else is attempting it, or it is final). */
    public Optional<PayoutCall.Outcome> attempt(UUID payoutId) {
        Optional<PayoutRecords.Claim> claimed = records.claim(payoutId, LEASE);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        PayoutRecords.Claim claim = claimed.get();
        PayoutCall.Outcome outcome = PayoutCall.call(gateways.payouts(PayoutProvider.wave),
                new PayoutCall.Transfer(claim.id().toString(), claim.amount(), claim.recipient(), claim.providerRef(),
                        claim.attempt(), "Paiement de vos trajets AlloCar"));
        switch (outcome.kind()) {
            case done -> records.paid(claim, outcome.providerRef());
            case failed -> records.failed(claim, outcome.providerRef(), outcome.reason());
            case review -> records.review(claim, outcome.reason());
            case unresolved -> {
                records.unresolved(claim, outcome.providerRef(), outcome.reason());
                LOG.warning(() -> claim + " unresolved (" + outcome.reason() + "); the next run or a retry asks again");
            }
        }
        return Optional.of(outcome);
    }
}
