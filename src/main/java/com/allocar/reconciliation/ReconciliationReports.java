package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.api.Page;
import com.allocar.platform.audit.ActorType;
import com.allocar.platform.audit.AuditService;
import com.allocar.platform.errors.NotFoundException;
import com.allocar.platform.errors.ValidationException;
import com.allocar.platform.paging.FilterType;
import com.allocar.platform.paging.JpaLists;
import com.allocar.platform.paging.ListQuery;
import com.allocar.platform.paging.ListSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What finance reads of the runs: the runs (filters status, provider, triggered_by, day, created_at), a run's
 * differences (filters kind, provider, record_type, repaired), and those differences as CSV, streamed a page at a
 * time (each page a short transaction of its own), the export audited.
 */
@ApplicationScoped
public class ReconciliationReports {
    public static final ListSpec RUNS = ListSpec.builder()
            .filter("status", FilterType.of(RunStatus.class))
            .filter("provider", FilterType.of(PaymentProvider.class))
            .filter("triggered_by", FilterType.of(RunTrigger.class))
            .filter("created_at", FilterType.INSTANT)
            .parameters("day", "day_gte", "day_lte")
            .sortable("created_at", "day")
            .defaultSort("created_at", true)
            .build();
    public static final ListSpec ITEMS = ListSpec.builder()
            .filter("kind", FilterType.of(DifferenceKind.class))
            .filter("provider", FilterType.of(PaymentProvider.class))
            .filter("record_type", FilterType.of(RecordType.class))
            .filter("repaired", FilterType.BOOLEAN)
            .filter("payment_id", FilterType.UUID_VALUE)
            .sortable("created_at")
            .defaultSort("created_at", false)
            .build();
    /** The CSV export reads the same filters, and {@code format}. */
    public static final ListSpec EXPORT = ListSpec.builder()
            .filter("kind", FilterType.of(DifferenceKind.class))
            .filter("provider", FilterType.of(PaymentProvider.class))
            .filter("record_type", FilterType.of(RecordType.class))
            .filter("repaired", FilterType.BOOLEAN)
            .filter("payment_id", FilterType.UUID_VALUE)
            .parameters("format")
            .sortable("created_at")
            .defaultSort("created_at", false)
            .build();
    static final String[] CSV_HEADER = {"run_id", "day", "kind", "record_type", "provider", "payment_id", "attempt_id",
            "refund_id", "payout_id", "withdrawal_id", "our_ref", "provider_ref", "our_amount", "our_status", "provider_amount", "provider_status",
            "repaired", "action", "created_at"};
    private static final Map<String, String> RUN_ATTRIBUTES = Map.of("status", "status", "provider", "provider",
            "triggered_by", "triggeredBy", "created_at", "createdAt", "day", "day");
    private static final Map<String, String> ITEM_ATTRIBUTES = Map.of("kind", "kind", "provider", "provider",
            "record_type", "recordType", "repaired", "repaired", "payment_id", "paymentId", "created_at", "createdAt");

    @PersistenceContext(unitName = "allocar")
    EntityManager em;
    @Inject
    AuditService audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReconciliationRunView run(UUID id) {
        return ReconciliationRunView.of(find(id));
    }

    /** A page of runs, newest first by default; {@code day}, {@code day_gte}, {@code day_lte} are ISO dates. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReconciliationRunView> runs(MultivaluedMap<String, String> parameters) {
        ListQuery query = RUNS.parse(parameters);
        LocalDate day = date(parameters, "day");
        LocalDate from = date(parameters, "day_gte");
        LocalDate to = date(parameters, "day_lte");
        JpaLists.Scope<ReconciliationRun> scope = (cb, root) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (day != null) {
                predicates.add(cb.equal(root.get("day"), day));
            }
            if (from != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("day"), from));
            }
            if (to != null) {
                predicates.add(cb.lessThanOrEqualTo(root.get("day"), to));
            }
            return predicates;
        };
        return JpaLists.page(em, ReconciliationRun.class, query, RUN_ATTRIBUTES, scope).map(ReconciliationRunView::of);
    }

    /** A page of the run's differences, oldest first by default; 404 for no such run. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReconciliationItemView> items(UUID runId, ListQuery query) {
        find(runId);
        return JpaLists.page(em, ReconciliationItem.class, query, ITEM_ATTRIBUTES,
                (cb, root) -> List.of(cb.equal(root.get("runId"), runId))).map(ReconciliationItemView::of);
    }

    /**
     * Checks the export's request (404 for no such run, 400 for a bad filter or format) and audits it, in one
     * transaction, before anything is streamed.
     */
    @Transactional
    public ListQuery exportRequested(UUID adminId, UUID runId, MultivaluedMap<String, String> parameters) {
        String format = parameters.getFirst("format");
        if (format != null && !"csv".equals(format)) {
            throw ValidationException.field("format", "must be csv");
        }
        ListQuery query = EXPORT.parse(parameters);
        ReconciliationRun run = find(runId);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("day", run.getDay().toString());
        meta.put("format", "csv");
        query.filters().forEach(condition -> meta.put("filter." + condition.field(), String.valueOf(condition.value())));
        audit.record(ActorType.admin, adminId, "reconciliation.items_exported", "reconciliation_runs", runId, meta);
        return query;
    }

    /** Writes the run's differences as CSV (header first), a page at a time. */
    public void writeCsv(UUID runId, ListQuery query, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
            LocalDate day = run(runId).day();
            int page = 1;
            Page<ReconciliationItemView> items;
            do {
                items = items(runId, new ListQuery(page, ListSpec.MAX_PAGE_SIZE, query.sort(), query.filters()));
                for (ReconciliationItemView item : items.items()) {
                    csv.printRecord(item.runId(), day, item.kind(), item.recordType(), item.provider(),
                            item.paymentId(), item.attemptId(), item.refundId(), item.payoutId(), item.withdrawalId(),
                            item.ourRef(), item.providerRef(),
                            item.ourAmount() == null ? null : item.ourAmount().toPlainString(), item.ourStatus(),
                            item.providerAmount() == null ? null : item.providerAmount().toPlainString(),
                            item.providerStatus(), item.repaired(), item.action(), item.createdAt());
                }
                csv.flush();
                page++;
            } while (items.pagination().page() < items.pagination().pageCount());
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReconciliationRun find(UUID id) {
        ReconciliationRun run = em.find(ReconciliationRun.class, id);
        if (run == null) {
            throw new NotFoundException("No such reconciliation run.");
        }
        return run;
    }

    private static LocalDate date(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ValidationException.field(name, "must be given once");
        }
        try {
            return LocalDate.parse(values.get(0).trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.field(name, "must be an ISO date (YYYY-MM-DD)");
        }
    }
}
