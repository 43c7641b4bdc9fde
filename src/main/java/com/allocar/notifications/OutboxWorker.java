package com.allocar.notifications;

import com.allocar.platform.migration.DatabaseMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the outbox. Runs on the server's managed scheduler every {@code ALLOCAR_OUTBOX_POLL_MS}, and at once
 * when a transaction that queued a message commits. Each round claims up to {@value #BATCH} due messages in
 * one short statement of its own ({@link OutboxStore#claim}), sends them one by one outside any transaction,
 * then records each outcome: sent, pending again after a backoff ({@link RetryPolicy}), or failed. A message
 * left {@code sending} by a crash is claimed again once its claim ({@link #CLAIM_TIMEOUT}) expires, so a
 * restart loses nothing; delivery is at least once. One round runs at a time per instance; several instances
 * share the work through the claims. A push whose device the provider no longer knows deletes that device; when the
 * last push of a critical notification fails for good, the SMS it carries is queued instead
 * ({@link OutboxStore#fallBackToSms}).
 */
@ApplicationScoped
public class OutboxWorker {
    static final int BATCH = 20;
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);
    static final Set<OutboxChannel> CHANNELS = EnumSet.of(OutboxChannel.sms, OutboxChannel.email, OutboxChannel.push);
    private static final long STOP_WAIT_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Resource(lookup = "concurrent/allocarScheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    OutboxStore store;

    @Inject
    SmsSender sms;

    @Inject
    MailSender mail;

    @Inject
    PushSender push;

    @Inject
    @ConfigProperty(name = "ALLOCAR_OUTBOX_POLL_MS", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "ALLOCAR_OUTBOX_MAX_ATTEMPTS", defaultValue = "8")
    int maxAttempts;

    private final ReentrantLock round = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean running;
    private RetryPolicy policy;
    private ScheduledFuture<?> poll;

    void onSchemaReady(@Observes DatabaseMigrator.SchemaReady ready) {
        start();
    }

    /** Starts polling (at start-up, once the schema is current; again after {@link #stop}). */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (pollMillis < 50) {
            throw new IllegalStateException("ALLOCAR_OUTBOX_POLL_MS must be at least 50, not " + pollMillis);
        }
        policy = new RetryPolicy(maxAttempts);
        running = true;
        poll = scheduler.scheduleWithFixedDelay(this::drain, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Outbox worker started: polling every " + pollMillis + " ms, at most " + maxAttempts
                + " attempts; SMS to " + sms.target() + ", mail to " + mail.target() + ", push to " + push.target());
    }

    /** A transaction that queued a message committed: send it now rather than at the next poll. */
    void onEnqueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notifications.OutboxEnqueued enqueued) {
        wake();
    }

    /** Whether the worker polls (false between {@link #stop} and {@link #start}). */
    public boolean running() {
        return running;
    }

    void wake() {
        if (!running) {
            return;
        }
        again.set(true);
        submitDrain();
    }

    private void submitDrain() {
        try {
            scheduler.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.fine("Outbox wake-up refused by the executor; the next poll sends");
        }
    }

    /** Rounds until nothing is due (or the worker stops); a no-op when a round is already running here. */
    void drain() {
        if (!running || !round.tryLock()) {
            return;
        }
        try {
            boolean full;
            do {
                again.set(false);
                full = round() == BATCH;
            } while (running && (full || again.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox round failed; the next poll tries again: " + e.getMessage(), e);
        } finally {
            round.unlock();
        }
        if (running && again.get()) {
            // Woken between our last claim and the unlock: that wake-up's own drain found the lock taken.
            submitDrain();
        }
    }

    /** One claim and its sends; returns how many messages were claimed. */
    int round() {
        List<ClaimedMessage> claimed = store.claim(CHANNELS, BATCH, CLAIM_TIMEOUT);
        for (ClaimedMessage message : claimed) {
            if (running) {
                deliver(message);
            } else {
                store.release(message);
            }
        }
        return claimed.size();
    }

    void deliver(ClaimedMessage message) {
        DeliveryException failure;
        try {
            switch (message.channel()) {
                case sms -> sms.send(message.recipient(), message.body());
                case email -> mail.send(message.recipient(), message.subject(), message.body());
                case push -> sendPush(message);
                default -> throw DeliveryException.permanent("no sender for channel " + message.channel());
            }
            store.sent(message);
            LOG.fine(() -> message + " sent");
            return;
        } catch (DeliveryException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = DeliveryException.retryable("unexpected: " + DeliveryException.describe(e), e);
            LOG.log(Level.WARNING, message + " failed unexpectedly", e);
        }
        if (policy.retries(message.attempts(), failure.isPermanent())) {
            Duration delay = RetryPolicy.backoff(message.attempts());
            store.retry(message, delay, failure.getMessage());
            LOG.info(() -> message + " failed, next attempt in " + delay.toSeconds() + " s: " + failure.getMessage());
        } else {
            store.fail(message, failure.getMessage());
            LOG.warning(() -> message + " failed for good" + (failure.isPermanent() ? "" : " after the last attempt")
                    + ": " + failure.getMessage());
            if (message.channel() == OutboxChannel.push) {
                pushFailed(message, failure);
            }
        }
    }

    private void sendPush(ClaimedMessage message) throws DeliveryException {
        if (message.userId() != null && !store.deviceRegistered(message.recipient(), message.userId())) {
            throw DeliveryException.permanent("the device is no longer registered to the user");
        }
        push.send(message.recipient(), message.subject(), message.body(), PushPayload.parse(message.payload()).data());
    }

    /** A push failed for good: forget a device the provider no longer knows, and fall back to SMS if it says so. */
    private void pushFailed(ClaimedMessage message, DeliveryException failure) {
        if (failure.isRecipientGone() && store.forgetDevice(message.recipient())) {
            LOG.info(() -> "Device token " + LogMask.recipient(OutboxChannel.push, message.recipient())
                    + " forgotten: " + failure.getMessage());
        }
        PushPayload.parse(message.payload()).fallback().ifPresent(sms -> {
            if (message.eventKey() != null && message.userId() != null
                    && store.fallBackToSms(message, sms.to(), sms.text())) {
                LOG.info(() -> message + ": no push arrived, SMS queued instead");
                again.set(true);
            }
        });
    }

    void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    /** Stops polling, lets the message being sent finish and hands back the rest of its round. */
    @PreDestroy
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (poll != null) {
            poll.cancel(false);
        }
        try {
            if (round.tryLock(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                round.unlock();
            } else {
                LOG.warning("Outbox round still running at shutdown; its claims expire in " + CLAIM_TIMEOUT.toMinutes()
                        + " minutes and are then sent again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Outbox worker stopped");
    }
}
