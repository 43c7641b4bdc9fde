package com.allocar.payments;

import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payments.provider.ProviderUnavailableException;
import com.allocar.platform.migration.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Payments' own repair loop (issue 13, point 3a): a notification that never comes (MTN without a callback URL, a
 * lost Orange or Wave notification) must not leave a paid booking {@code init}. Every
 * {@code ALLOCAR_PAYMENT_POLL_SECONDS} it takes the attempts still waiting for their provider's word whose poll is
 * due ({@link AttemptPolls#claim}: the first {@code ALLOCAR_PAYMENT_POLL_AFTER_SECONDS} after the attempt was made),
 * asks the provider ({@link PaymentGateway#lookUp}, outside any transaction) and applies a final answer exactly as a
 * webhook confirmed by a look-up ({@link WebhookInbox#applyLookUp}): paid settles the booking or credits the top-up,
 * failed or expired fails the attempt, a second application changes nothing. An answer that is not final yet is
 * asked again later, the delay doubling from {@code ALLOCAR_PAYMENT_POLL_AFTER_SECONDS} up to {@link #MAX_BACKOFF};
 * polling stops once the attempt is settled or past its expiry ({@link #deadline}): what is still unresolved then is
 * the daily reconciliation's. Counted as {@code payment_polls_total{provider, outcome}}.
 */
@ApplicationScoped
public class PaymentPoller {
    /** How long one claimed poll may take before another poller may take the attempt over (well above a look-up). */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** Polled once more this long after the provider's expiry, to read its final word. */
    static final Duration EXPIRY_GRACE = Duration.ofMinutes(2);
    /** Attempts polled per round at most (the next round goes on). */
    static final int ROUND = 200;
    static final Metadata POLLS = Metadata.builder().withName("payment_polls")
            .withDescription("Status look-ups of payment attempts whose notification did not come, by provider and "
                    + "outcome (applied, already_applied, pending, mismatch, needs_review, unavailable, not_found, "
                    + "refused, no_reference, error; gave_up when polling stopped past the expiry)")
            .build();
    private static final Logger LOG = Logger.getLogger(PaymentPoller.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;
    @Inject
    AttemptPolls polls;
    @Inject
    WebhookInbox inbox;
    @Inject
    PaymentGateways gateways;
    @Inject
    MetricRegistry registry;
    @Inject
    @ConfigProperty(name = "ALLOCAR_PAYMENT_POLL_SECONDS", defaultValue = "60")
    long intervalSeconds;
    @Inject
    @ConfigProperty(name = "ALLOCAR_PAYMENT_POLL_AFTER_SECONDS", defaultValue = "180")
    long afterSeconds;
    @Inject
    @ConfigProperty(name = "ALLOCAR_PAYMENT_POLL_MAX_HOURS", defaultValue = "24")
    long maxHours;

    private final ReentrantLock polling = new ReentrantLock();
    private volatile boolean running;
    private ScheduledFuture<?> rounds;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        start();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        if (intervalSeconds < 1 || afterSeconds < 1 || maxHours < 1) {
            throw new IllegalStateException("ALLOCAR_PAYMENT_POLL_SECONDS, ALLOCAR_PAYMENT_POLL_AFTER_SECONDS and "
                    + "ALLOCAR_PAYMENT_POLL_MAX_HOURS must be at least 1");
        }
        running = true;
        rounds = scheduler.scheduleWithFixedDelay(this::round, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info(() -> "Payment poller: attempts waiting for their provider looked up every " + intervalSeconds
                + " s, from " + afterSeconds + " s after they were made");
    }

    /** One round: every due attempt (up to {@link #ROUND}), one at a time. */
    void round() {
        if (!running || !polling.tryLock()) {
            return;
        }
        try {
            polls.endSettled();
            for (int i = 0; i < ROUND && running; i++) {
                Optional<AttemptPolls.Claim> claim = polls.claim(LEASE);
                if (claim.isEmpty()) {
                    break;
                }
                poll(claim.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Payment poll round failed; the next one tries again: " + e.getMessage(), e);
        } finally {
            polling.unlock();
        }
    }

    /** Asks the provider about one claimed attempt and applies or schedules what it said. */
    void poll(AttemptPolls.Claim claim) {
        String outcome;
        boolean answered = false;
        ProviderPaymentRef ref = claim.ref();
        PaymentGateway gateway = gateways.gateway(claim.provider());
        if (ref == null) {
            outcome = "no_reference";
        } else if (!gateway.available()) {
            outcome = "unavailable";
        } else {
            try {
                ProviderStatus looked = gateway.lookUp(ref);
                if (looked.status().isFinal()) {
                    outcome = inbox.applyLookUp(claim.attemptId(), looked, LookUpOrigin.poll).name();
                    answered = true;
                } else {
                    outcome = "pending";
                }
            } catch (ProviderRefusedException e) {
                outcome = e.notFound() ? "not_found" : "refused";
            } catch (ProviderUnavailableException e) {
                outcome = "unavailable";
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, claim + ": poll failed unexpectedly", e);
                outcome = "error";
            }
        }
        count(claim.provider(), outcome);
        Instant now = Instant.now();
        Instant deadline = deadline(claim);
        if (answered) {
            polls.end(claim, outcome);
        } else if (!now.isBefore(deadline)) {
            polls.end(claim, "gave_up:" + outcome);
            count(claim.provider(), "gave_up");
            String last = outcome;
            LOG.info(() -> claim + ": still unresolved (" + last + ") past its expiry; left to the reconciliation");
        } else {
            Instant next = now.plus(backoff(claim.polls()));
            polls.reschedule(claim, next.isAfter(deadline) ? deadline : next, outcome);
        }
    }

    /** When polling stops: a little after the provider's expiry, else {@code ALLOCAR_PAYMENT_POLL_MAX_HOURS} after creation. */
    Instant deadline(AttemptPolls.Claim claim) {
        return claim.expiresAt() != null ? claim.expiresAt().plus(EXPIRY_GRACE)
                : claim.createdAt().plus(Duration.ofHours(maxHours));
    }

    /** The delay after the {@code polls}-th unresolved poll: {@code ALLOCAR_PAYMENT_POLL_AFTER_SECONDS}, doubled each time, at most an hour. */
    Duration backoff(int polls) {
        long factor = 1L << Math.min(Math.max(polls - 1, 0), 16);
        Duration delay = Duration.ofSeconds(afterSeconds).multipliedBy(factor);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void count(PaymentProvider provider, String outcome) {
        registry.counter(POLLS, new Tag("provider", provider.name()), new Tag("outcome", outcome)).inc();
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
        if (rounds != null) {
            rounds.cancel(false);
        }
    }
}
