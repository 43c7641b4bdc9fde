package com.allocar.wallet;

import com.allocar.platform.migration.DatabaseMigrator;
import com.allocar.wallet.PayoutCall.Outcome;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pays withdrawals out. Once a withdrawal's transaction commits, its payout is sent at once on the managed
 * executor (never inside a transaction); every {@code ALLOCAR_WITHDRAWAL_RETRY_SECONDS} a sweep takes the open
 * withdrawals that are due: those whose outcome is unknown (looked up by the provider's id when we have it, else
 * sent again with the same idempotency key, the withdrawal id, so the provider never pays twice) and any whose
 * first send never happened (crash between commit and send). Before sending again after an unanswered attempt,
 * the provider is asked for a payout with our reference; a refusal of such a re-send is not a failure (the first
 * send may have paid) but needs_review, for finance. Each attempt is claimed first
 * ({@link WithdrawalRecords#claim}), so concurrent senders never work on the same withdrawal at once.
 */
@ApplicationScoped
public class WithdrawalPayouts {
    /** How long a claimed attempt may take before another sender may take over (well above a provider call). */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final int BATCH = 50;
    /** After this many attempts each further one is logged as a warning: someone should look at the provider. */
    static final int WARN_AFTER = 10;
    private static final Logger LOG = Logger.getLogger(WithdrawalPayouts.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    WithdrawalRecords records;
    @Inject
    PayoutGateways gateways;
    @Inject
    @ConfigProperty(name = "ALLOCAR_WITHDRAWAL_RETRY_SECONDS", defaultValue = "60")
    long retrySeconds;

    private final ReentrantLock sweeping = new ReentrantLock();
    private volatile boolean running;
    private ScheduledFuture<?> sweep;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        start();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        if (retrySeconds < 1) {
            throw new IllegalStateException("ALLOCAR_WITHDRAWAL_RETRY_SECONDS must be at least 1, not " + retrySeconds);
        }
        running = true;
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, retrySeconds, retrySeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Withdrawal payouts: open withdrawals looked at every " + retrySeconds + " s");
    }

    /** The withdrawal's debit committed: send its payout now, off the request thread. */
    void onRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) WalletService.WithdrawalRequested event) {
        try {
            scheduler.execute(() -> attempt(event.withdrawalId()));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Withdrawal " + event.withdrawalId() + " not sent now (executor refused); the sweep sends it");
        }
    }

    /** One round of the job: every open withdrawal that is due. */
    void sweep() {
        if (!running || !sweeping.tryLock()) {
            return;
        }
        try {
            List<UUID> due;
            do {
                due = records.due(BATCH);
                due.forEach(this::attempt);
            } while (running && due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Withdrawal sweep failed; the next one tries again: " + e.getMessage(), e);
        } finally {
            sweeping.unlock();
        }
    }

    /** Claims, calls the provider outside any transaction, records the outcome. */
    void attempt(UUID withdrawalId) {
        Optional<WithdrawalRecords.Claim> claimed = records.claim(withdrawalId, LEASE);
        if (claimed.isEmpty()) {
            return; // final already, not due, or another sender holds it
        }
        WithdrawalRecords.Claim claim = claimed.get();
        Outcome outcome = call(claim);
        switch (outcome.kind()) {
            case done -> records.done(claim, outcome.providerRef());
            case failed -> records.failed(claim, outcome.providerRef(), outcome.reason());
            case review -> records.review(claim, outcome.providerRef(), outcome.reason());
            case unresolved -> {
                Duration retryIn = backoff(claim.attempt());
                records.unresolved(claim, outcome.providerRef(), outcome.reason(), retryIn);
                Level level = claim.attempt() >= WARN_AFTER ? Level.WARNING : Level.INFO;
                LOG.log(level, () -> claim + " unresolved (" + outcome.reason() + "), next try in "
                        + retryIn.toSeconds() + " s");
            }
        }
    }

    Outcome call(WithdrawalRecords.Claim claim) {
        return PayoutCall.call(gateways.payouts(claim.method()), new PayoutCall.Transfer(claim.id().toString(),
                claim.amount(), claim.phone(), claim.providerRef(), claim.attempt(), "Retrait AlloCar"));
    }

    /** The retry interval, doubled after each unresolved attempt, at most an hour. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 12);
        Duration delay = Duration.ofSeconds(retrySeconds).multipliedBy(factor);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
