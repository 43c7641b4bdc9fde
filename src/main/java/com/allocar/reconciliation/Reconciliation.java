package com.allocar.reconciliation;

import com.allocar.payments.LookUpOrigin;
import com.allocar.payments.PaymentProvider;
import com.allocar.payments.PaymentRecords;
import com.allocar.payments.PaymentRecords.AttemptRecord;
import com.allocar.payments.PaymentRecords.RefundRecord;
import com.allocar.payments.WebhookInbox;
import com.allocar.payments.WebhookOutcome;
import com.allocar.payments.provider.PaymentGateway;
import com.allocar.payments.provider.PaymentGateways;
import com.allocar.payments.provider.ProviderException;
import com.allocar.payments.provider.ProviderPage;
import com.allocar.payments.provider.ProviderPaymentRef;
import com.allocar.payments.provider.ProviderPaymentStatus;
import com.allocar.payments.provider.ProviderRefusedException;
import com.allocar.payments.provider.ProviderStatus;
import com.allocar.payouts.AdminPayoutView;
import com.allocar.payouts.PayoutFinance;
import com.allocar.platform.paging.ListQuery;
import com.allocar.wallet.AdminWithdrawalView;
import com.allocar.wallet.PayoutGateway;
import com.allocar.wallet.PayoutGateways;
import com.allocar.wallet.PayoutProvider;
import com.allocar.wallet.PayoutRefusedException;
import com.allocar.wallet.PayoutResult;
import com.allocar.wallet.PayoutUnavailableException;
import com.allocar.wallet.WalletFinance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily reconciliation's work for one run (issue 13, point 3b; docs/reconciliation.md), in four phases, each a
 * page at a time: read our records (a short transaction), ask the providers (no transaction), record the page's
 * differences with the progress (a short transaction). Called by the batch job's batchlet
 * ({@link ReconciliationBatchlet}) and usable without the batch runtime: {@link #execute} resumes a run where its
 * progress says and returns when it is done or asked to stop.
 *
 * <ol>
 *   <li>{@code attempts}: every attempt of the day that reached a provider (paid that day, or made that day) is
 *   looked up; Wave's sessions of the same reference are searched too (a paid session we do not hold);</li>
 *   <li>{@code refunds}: every refund a provider made that day, against the provider's status of the payment
 *   (Stripe reports full refunds; for the others, that the payment exists there);</li>
 *   <li>{@code payouts} and {@code withdrawals}: the driver payouts and wallet withdrawals made that day, against
 *   Wave's payout (by its id, else by our reference), and Wave's payout under our reference (a second payout);</li>
 *   <li>{@code provider_lists}: the providers' own lists of the day's payments, where they have one (Stripe), for
 *   payments missing here;</li>
 *   <li>{@code webhooks}: signed successes received that day that named nothing of ours.</li>
 * </ol>
 * What is safe is repaired through the webhook path ({@link WebhookInbox#applyLookUp}, origin reconciliation).
 */
@ApplicationScoped
public class Reconciliation {
    static final int PAGE = 20;
    private static final Logger LOG = Logger.getLogger(Reconciliation.class.getName());

    /** How {@link #execute} ended. */
    public enum Outcome { done, stopped }

    enum Phase { attempts, refunds, payouts, withdrawals, provider_lists, webhooks }

    @Inject
    ReconciliationRuns runs;
    @Inject
    PaymentRecords records;
    @Inject
    PaymentGateways gateways;
    @Inject
    WebhookInbox inbox;
    @Inject
    ReconciliationMetrics metrics;
    @Inject
    PayoutFinance payouts;
    @Inject
    WalletFinance withdrawals;
    @Inject
    PayoutGateways payoutGateways;

    /** One page's result. */
    record Page(List<Difference> found, int checked, int unchecked, String cursor, boolean last) {
    }

    /** Runs (or resumes) the run to its end, unless {@code stopping} says to stop between two pages. */
    public Outcome execute(UUID runId, BooleanSupplier stopping) {
        ReconciliationRuns.Progress run = runs.progress(runId);
        if (run.status() == RunStatus.done) {
            return Outcome.done;
        }
        Instant from = run.day().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = run.day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Phase phase = run.phase() == null ? Phase.attempts : Phase.valueOf(run.phase());
        String cursor = run.cursor();
        while (phase != null) {
            if (stopping.getAsBoolean()) {
                return Outcome.stopped;
            }
            Page page = switch (phase) {
                case attempts -> attempts(from, to, run.provider(), cursor);
                case refunds -> refunds(from, to, run.provider(), cursor);
                case payouts -> payouts(from, to, run.provider(), cursor);
                case withdrawals -> withdrawals(from, to, run.provider(), cursor);
                case provider_lists -> providerLists(from, to, run.provider(), cursor);
                case webhooks -> webhooks(from, to, run.provider());
            };
            Phase next = page.last() ? next(phase) : phase;
            cursor = page.last() ? null : page.cursor();
            runs.record(runId, page.found(), page.checked(), page.unchecked(),
                    next == null ? phase.name() : next.name(), cursor);
            metrics.found(page.found());
            phase = next;
        }
        runs.finish(runId);
        return Outcome.done;
    }

    private static Phase next(Phase phase) {
        return phase.ordinal() + 1 < Phase.values().length ? Phase.values()[phase.ordinal() + 1] : null;
    }

    Page attempts(Instant from, Instant to, PaymentProvider provider, String cursor) {
        List<AttemptRecord> page = records.attempts(from, to, provider, cursor == null ? null : UUID.fromString(cursor), PAGE);
        return compared(page, this::compare,
                page.isEmpty() ? cursor : page.get(page.size() - 1).attemptId().toString(), page.size() < PAGE);
    }

    /**
     * Compares each of our rows with the provider and counts it checked, or unchecked when the provider could not be
     * asked (empty): the page every phase answers.
     */
    private static <T> Page compared(List<T> ours, Function<T, Optional<List<Difference>>> compare, String cursor,
                                     boolean last) {
        List<Difference> found = new ArrayList<>();
        int checked = 0;
        for (T row : ours) {
            Optional<List<Difference>> differences = compare.apply(row);
            if (differences.isPresent()) {
                found.addAll(differences.get());
                checked++;
            }
        }
        return new Page(found, checked, ours.size() - checked, cursor, last);
    }

    /** Our attempt against the provider's word; empty when the provider could not be asked. */
    Optional<List<Difference>> compare(AttemptRecord ours) {
        PaymentGateway gateway = gateways.gateway(ours.provider());
        ProviderPaymentRef ref = ours.ref();
        if (ref == null || !gateway.available()) {
            return Optional.empty();
        }
        List<Difference> found = new ArrayList<>();
        try {
            ProviderStatus theirs = gateway.lookUp(ref);
            Differences.attempt(ours, theirs).ifPresent(finding -> found.add(finding.repairable()
                    ? repair(ours, theirs, finding.difference()) : finding.difference()));
        } catch (ProviderRefusedException e) {
            if (!e.notFound()) {
                return unchecked(ours, e);
            }
            Differences.attemptNotFound(ours).ifPresent(finding -> found.add(finding.difference()));
        } catch (ProviderException | IllegalArgumentException e) {
            return unchecked(ours, e);
        }
        found.addAll(otherSessions(gateway, ours));
        return Optional.of(found);
    }

    /** Sessions the provider holds under the attempt's reference besides the attempt's own (Wave's search). */
    private List<Difference> otherSessions(PaymentGateway gateway, AttemptRecord ours) {
        List<Difference> found = new ArrayList<>();
        try {
            gateway.findByReference(ours.attemptId().toString()).ifPresent(sessions -> sessions.stream()
                    .filter(s -> s.providerRef() != null && !s.providerRef().equals(ours.providerRef()))
                    .filter(s -> !records.knownAtProvider(ours.provider(), s.providerRef()))
                    .forEach(s -> Differences.atProviderOnly(ours.provider(), s, "another " + ours.provider()
                                    + " payment under our reference " + ours.attemptId() + " (payment "
                                    + ours.paymentId() + ") was paid and is not recorded here")
                            .ifPresent(finding -> found.add(finding.difference()))));
        } catch (ProviderException e) {
            LOG.info(() -> "Reconciliation: search of " + ours.provider() + " reference " + ours.attemptId()
                    + " failed: " + e.getMessage());
        }
        return found;
    }

    /** A difference the provider's word settles: applied through the webhook path, as a webhook would have. */
    private Difference repair(AttemptRecord ours, ProviderStatus theirs, Difference difference) {
        try {
            WebhookOutcome outcome = inbox.applyLookUp(ours.attemptId(), theirs, LookUpOrigin.reconciliation);
            boolean success = theirs.status() == ProviderPaymentStatus.succeeded;
            return switch (outcome) {
                case applied -> difference.withRepair(true, "repaired: the provider's " + theirs.status()
                        + " applied through the webhook path (" + (success
                        ? "payment paid, booking settled or refunded, or top-up credited" : "attempt failed") + ")");
                case already_applied, duplicate -> difference.withRepair(false,
                        "resolved meanwhile by a webhook or the poller (" + outcome + ")");
                default -> difference.withRepair(false, Differences.FINANCE + "not repaired: the webhook path "
                        + "answered " + outcome + (outcome == WebhookOutcome.needs_review
                        ? " (listed in GET /admin/payment-attempts/needs-review)" : ""));
            };
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciliation: repair of attempt " + ours.attemptId() + " failed", e);
            return difference.withRepair(false, Differences.FINANCE + "repair failed (" + e.getClass().getSimpleName()
                    + "); run again or settle by hand");
        }
    }

    private static <T> Optional<T> unchecked(AttemptRecord ours, Exception e) {
        LOG.info(() -> "Reconciliation: " + ours.provider() + " attempt " + ours.attemptId() + " not checked: "
                + e.getMessage());
        return Optional.empty();
    }

    Page refunds(Instant from, Instant to, PaymentProvider provider, String cursor) {
        List<RefundRecord> page = records.refunds(from, to, provider, cursor == null ? null : UUID.fromString(cursor), PAGE);
        return compared(page, this::compare,
                page.isEmpty() ? cursor : page.get(page.size() - 1).refundId().toString(), page.size() < PAGE);
    }

    /** Our refund against the provider's word; empty when the provider could not be asked. */
    Optional<List<Difference>> compare(RefundRecord ours) {
        PaymentGateway gateway = gateways.gateway(ours.provider());
        if (!gateway.available()) {
            return Optional.empty();
        }
        try {
            ProviderStatus theirs = gateway.lookUp(ours.ref());
            return Optional.of(Differences.refund(ours, theirs, gateway.reportsRefunds())
                    .map(finding -> List.of(finding.difference())).orElse(List.of()));
        } catch (ProviderRefusedException e) {
            return e.notFound() ? Optional.of(List.of(Differences.refundNotFound(ours).difference())) : Optional.empty();
        } catch (ProviderException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The driver payouts made that day (through Wave; manual ones are finance's own). */
    Page payouts(Instant from, Instant to, PaymentProvider only, String cursor) {
        if (only != null && only != PaymentProvider.wave) {
            return new Page(List.of(), 0, 0, null, true);
        }
        int page = cursor == null ? 1 : Integer.parseInt(cursor);
        com.allocar.platform.api.Page<AdminPayoutView> made = payouts.list(day(from, to, page));
        List<Transfer> transfers = made.items().stream().filter(p -> p.provider() == PayoutProvider.wave)
                .map(p -> new Transfer(RecordType.payout, p.id(), p.amount(), p.status().name(), switch (p.status()) {
                    case paid -> Transfer.State.paid;
                    case failed -> Transfer.State.failed;
                    case needs_review -> Transfer.State.review;
                    case scheduled, processing -> Transfer.State.open;
                }, p.providerRef())).toList();
        return transfers(transfers, made.pagination(), page);
    }

    /** The wallet withdrawals made that day (Wave's payouts). */
    Page withdrawals(Instant from, Instant to, PaymentProvider only, String cursor) {
        if (only != null && only != PaymentProvider.wave) {
            return new Page(List.of(), 0, 0, null, true);
        }
        int page = cursor == null ? 1 : Integer.parseInt(cursor);
        com.allocar.platform.api.Page<AdminWithdrawalView> made = withdrawals.withdrawals(day(from, to, page));
        List<Transfer> transfers = made.items().stream().filter(w -> PayoutProvider.wave.name().equals(w.method()))
                .map(w -> new Transfer(RecordType.withdrawal, w.id(), w.amount(), w.status().name(), switch (w.status()) {
                    case done -> Transfer.State.paid;
                    case failed -> Transfer.State.failed;
                    case needs_review -> Transfer.State.review;
                    case requested, processing -> Transfer.State.open;
                }, w.providerRef())).toList();
        return transfers(transfers, made.pagination(), page);
    }

    /** A page of the day's rows by creation, oldest first (the lists' own filters, so no other domain's tables here). */
    private static ListQuery day(Instant from, Instant to, int page) {
        return new ListQuery(page, PAGE, List.of(new ListQuery.Order("created_at", false)),
                List.of(new ListQuery.Condition("created_at", ListQuery.Operator.gte, List.of(from)),
                        new ListQuery.Condition("created_at", ListQuery.Operator.lte, List.of(to.minusNanos(1000)))));
    }

    private Page transfers(List<Transfer> transfers, com.allocar.platform.api.Pagination pagination, int page) {
        return compared(transfers, this::compare, String.valueOf(page + 1),
                pagination.page() >= pagination.pageCount());
    }

    /** A payout or withdrawal against Wave's payout: by its id when we have it, else by our reference. */
    Optional<List<Difference>> compare(Transfer ours) {
        Optional<PayoutGateway> gateway = payoutGateways.payouts(PayoutProvider.wave);
        if (gateway.isEmpty() || !gateway.get().available()) {
            return Optional.empty();
        }
        List<Difference> found = new ArrayList<>();
        PayoutResult theirs;
        try {
            theirs = ours.providerRef() != null ? gateway.get().lookUpPayout(ours.providerRef())
                    : gateway.get().findPayout(ours.id().toString()).orElse(null);
        } catch (PayoutRefusedException e) {
            if (!(e.getCause() instanceof ProviderRefusedException refused && refused.notFound())) {
                LOG.info(() -> "Reconciliation: " + ours.type() + " " + ours.id() + " not checked: " + e.getMessage());
                return Optional.empty();
            }
            theirs = null;
        } catch (PayoutUnavailableException e) {
            LOG.info(() -> "Reconciliation: " + ours.type() + " " + ours.id() + " not checked: " + e.getMessage());
            return Optional.empty();
        }
        Differences.transfer(ours, theirs).ifPresent(finding -> found.add(finding.difference()));
        if (ours.providerRef() != null) {
            try {
                gateway.get().findPayout(ours.id().toString())
                        .filter(other -> other.providerPayoutId() != null
                                && !other.providerPayoutId().equals(ours.providerRef()))
                        .flatMap(other -> Differences.secondTransfer(ours, other))
                        .ifPresent(finding -> found.add(finding.difference()));
            } catch (PayoutRefusedException | PayoutUnavailableException e) {
                LOG.info(() -> "Reconciliation: payout search of " + ours.id() + " failed: " + e.getMessage());
            }
        }
        return Optional.of(found);
    }

    /**
     * One page of a provider's own list ({@code <provider>|<provider's cursor>}; the providers in enum order, those
     * without a list skipped): its paid entries that no attempt of ours is.
     */
    Page providerLists(Instant from, Instant to, PaymentProvider only, String cursor) {
        List<PaymentProvider> providers = only == null ? Arrays.asList(PaymentProvider.values()) : List.of(only);
        String[] position = cursor == null ? new String[]{providers.get(0).name(), ""} : cursor.split("\\|", 2);
        PaymentProvider provider = PaymentProvider.valueOf(position[0]);
        String providerCursor = position.length < 2 || position[1].isEmpty() ? null : position[1];
        int index = providers.indexOf(provider);
        String nextProvider = index + 1 < providers.size() ? providers.get(index + 1).name() + "|" : null;
        PaymentGateway gateway = gateways.gateway(provider);
        if (!gateway.available()) {
            return new Page(List.of(), 0, 0, nextProvider, nextProvider == null);
        }
        Optional<ProviderPage> page;
        try {
            page = gateway.listPayments(from, to, providerCursor);
        } catch (ProviderException e) {
            LOG.info(() -> "Reconciliation: " + provider + "'s list not read: " + e.getMessage());
            return new Page(List.of(), 0, 1, nextProvider, nextProvider == null);
        }
        if (page.isEmpty()) {
            return new Page(List.of(), 0, 0, nextProvider, nextProvider == null);
        }
        List<Difference> found = new ArrayList<>();
        for (ProviderStatus theirs : page.get().items()) {
            if (theirs.providerRef() != null && !records.knownAtProvider(provider, theirs.providerRef())) {
                Differences.atProviderOnly(provider, theirs, "paid at " + provider + ", no attempt of ours"
                                + (theirs.ourReference() == null ? "" : " (its reference: " + theirs.ourReference() + ")"))
                        .ifPresent(finding -> found.add(finding.difference()));
            }
        }
        String next = page.get().nextCursor() != null ? provider.name() + "|" + page.get().nextCursor() : nextProvider;
        return new Page(found, page.get().items().size(), 0, next, next == null);
    }

    /** Signed successes of the day that named nothing of ours (the webhook inbox flagged them needs_review). */
    Page webhooks(Instant from, Instant to, PaymentProvider provider) {
        List<Difference> found = new ArrayList<>();
        for (PaymentRecords.UnmatchedSuccess event : records.unmatchedSuccesses(from, to, provider)) {
            found.add(new Difference(DifferenceKind.missing_here, RecordType.payment, event.provider(),
                    "event:" + event.inboxId(), null, null, null, null, event.eventId(), null, null, null,
                    "succeeded (" + (event.eventType() == null ? "event" : event.eventType()) + ")", false,
                    Differences.FINANCE + "a signed success named nothing of ours (webhook event " + event.eventId()
                            + "; GET /admin/payment-attempts/needs-review)"));
        }
        return new Page(found, found.size(), 0, null, true);
    }
}
