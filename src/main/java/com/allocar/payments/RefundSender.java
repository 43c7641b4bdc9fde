package com.allocar.payments;

import com.allocar.payments.provider.Amounts;
import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.payments.provider.RefundResult;
import com.allocar.platform.migration.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends provider refunds (PAY-5): at once when the transaction that recorded one commits, and again every
 * {@code ALLOCAR_REFUND_RETRY_SECONDS} for those still pending (provider unreachable, or a crash before the send).
 * Each send first claims the refund ({@link RefundStore#claim}: at most one send per lease, across instances) and
 * passes the refund's id as the provider's idempotency key (Stripe's {@code Idempotency-Key}, Wave's
 * {@code idempotency-key}), so a retry never pays twice. Before a refund whose earlier send went unanswered is sent
 * again, the payment is looked up (refunded in full already: completed without a send); a refusal of such a
 * re-send is not a failure but needs_review, for finance, since the first send may have refunded.
 */
@ApplicationScoped
public class RefundSender {
    private static final Logger LOG = Logger.getLogger(RefundSender.class.getName());
    private static final int BATCH = 20;

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    RefundStore store;
    @Inject
    PaymentGateways gateways;

    @Inject
    @ConfigProperty(name = "ALLOCAR_REFUND_RETRY_SECONDS", defaultValue = "300")
    long retrySeconds;

    private ScheduledFuture<?> retries;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        start();
    }

    synchronized void start() {
        if (retries != null) {
            return;
        }
        if (retrySeconds < 5) {
            throw new IllegalStateException("ALLOCAR_REFUND_RETRY_SECONDS must be at least 5, not " + retrySeconds);
        }
        retries = scheduler.scheduleWithFixedDelay(this::retryDue, retrySeconds, retrySeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Refund sender started: pending provider refunds retried every " + retrySeconds + " s");
    }

    @PreDestroy
    synchronized void stop() {
        if (retries != null) {
            retries.cancel(false);
        }
    }

    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) RefundRequested requested) {
        try {
            scheduler.execute(() -> send(requested.refundId()));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Refund " + requested.refundId() + " left to the retry job: " + e.getMessage());
        }
    }

    void retryDue() {
        try {
            for (UUID id : store.due(lease(), BATCH)) {
                send(id);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refund retry round failed; the next one tries again: " + e.getMessage(), e);
        }
    }

    /** One send of one refund, outside any transaction; its outcome recorded in a transaction of its own. */
    public void send(UUID refundId) {
        Optional<RefundStore.Claim> claimed = store.claim(refundId, lease());
        if (claimed.isEmpty()) {
            return;
        }
        RefundStore.Claim claim = claimed.get();
        Optional<PaymentGateway> gateway = gateways.forMethod(claim.method()).filter(PaymentGateway::available);
        if (gateway.isEmpty()) {
            store.unavailable(refundId, "provider not configured");
            return;
        }
        // an earlier send was claimed and left the refund pending: it may have reached the provider
        boolean earlierUnanswered = claim.attempt() > 1;
        try {
            if (earlierUnanswered && refundedAlready(gateway.get(), claim)) {
                store.refunded(refundId, null, true);
                return;
            }
            RefundResult result = gateway.get().refund(claim.ref(), claim.amount(), refundId.toString());
            switch (result.outcome()) {
                case refunded -> store.refunded(refundId, result.providerRefundId(), true);
                case pending -> store.refunded(refundId, result.providerRefundId(), false);
                case unsupported -> store.toWallet(refundId, result.reason());
            }
        } catch (ProviderUnavailableException e) {
            LOG.info(() -> "Refund " + refundId + " stays pending (attempt " + claim.attempt() + "): " + e.getMessage());
            store.unavailable(refundId, e.getMessage());
        } catch (ProviderRefusedException e) {
            if (earlierUnanswered) {
                // the refusal may answer this send only, while the unanswered one refunded: finance checks it
                LOG.warning(() -> "Refund " + refundId + " refused after an unanswered attempt; needs review: "
                        + e.getMessage());
                store.review(refundId, "refused after an unanswered attempt: " + e.getMessage());
            } else {
                LOG.warning(() -> "Refund " + refundId + " refused: " + e.getMessage());
                store.refused(refundId, e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refund " + refundId + " send failed; retried later", e);
        }
    }

    /**
     * Whether the provider already shows the payment refunded in full, looked up before a refund of the whole
     * amount is sent again (a partial refund cannot be told apart this way; its idempotency key guards it).
     */
    private static boolean refundedAlready(PaymentGateway gateway, RefundStore.Claim claim) {
        if (!Amounts.same(claim.amount(), claim.ref().amount())) {
            return false;
        }
        try {
            return gateway.lookUp(claim.ref()).status() == ProviderPaymentStatus.refunded;
        } catch (ProviderRefusedException e) {
            return false;
        }
    }

    /** How long a claim holds: the retry interval (longer than a provider call with its timeouts). */
    private Duration lease() {
        return Duration.ofSeconds(retrySeconds);
    }
}
