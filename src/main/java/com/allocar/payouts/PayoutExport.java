package com.allocar.payouts;

import com.allocar.platform.errors.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code GET /admin/payouts/export}: the payouts finance still has to watch (scheduled, processing, needs_review by
 * default), streamed as CSV or XLSX, read from the database by pages of {@value #PAGE} so that no export holds every
 * row in memory.
 */
@ApplicationScoped
public class PayoutExport {
    static final int PAGE = 500;
    static final List<String> HEADER = List.of("payout_id", "driver_id", "amount", "currency", "status", "provider",
            "recipient", "provider_ref", "attempts", "failure_reason", "created_at", "processed_at", "period_start",
            "period_end");
    static final List<PayoutStatus> PENDING = List.of(PayoutStatus.scheduled, PayoutStatus.processing,
            PayoutStatus.needs_review);

    @Inject
    PayoutFinance finance;

    public enum Format {
        csv("text/csv; charset=UTF-8", "csv"),
        xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format of(String text) {
            if (text == null || text.isBlank()) {
                return csv;
            }
            for (Format format : values()) {
                if (format.name().equals(text)) {
                    return format;
                }
            }
            throw ValidationException.field("format", "expected csv or xlsx");
        }
    }

    /** The statuses asked ({@code status=in:a,b} or one), or the pending ones. */
    public static List<PayoutStatus> statuses(String text) {
        if (text == null || text.isBlank()) {
            return PENDING;
        }
        String list = text.startsWith("in:") ? text.substring(3) : text;
        try {
            return List.of(list.split(",")).stream().map(String::trim).map(PayoutStatus::valueOf).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw ValidationException.field("status", "expected statuses among scheduled, processing, paid, failed, "
                    + "needs_review");
        }
    }

    public StreamingOutput stream(Format format, List<PayoutStatus> statuses) {
        return format == Format.csv ? out -> csv(out, statuses) : out -> xlsx(out, statuses);
    }

    private void csv(OutputStream out, List<PayoutStatus> statuses) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().get())) {
            csv.printRecord(HEADER);
            each(statuses, p -> {
                try {
                    csv.printRecord(row(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void xlsx(OutputStream out, List<PayoutStatus> statuses) throws IOException {
        Workbook workbook = new Workbook(out, "AlloCar", "1.0");
        Worksheet sheet = workbook.newWorksheet("Payouts");
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(0, c, HEADER.get(c));
        }
        int[] r = {1};
        each(statuses, p -> {
            List<Object> cells = row(p);
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof Number number) {
                    sheet.value(r[0], c, number);
                } else if (cell != null) {
                    sheet.value(r[0], c, cell.toString());
                }
            }
            r[0]++;
            if (r[0] % PAGE == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        workbook.finish();
    }

    private void each(List<PayoutStatus> statuses, Consumer<Payout> row) {
        Instant after = Instant.EPOCH;
        UUID afterId = new UUID(0, 0);
        List<Payout> page;
        do {
            page = finance.exportPage(statuses, after, afterId, PAGE);
            for (Payout payout : page) {
                row.accept(payout);
                after = payout.getCreatedAt();
                afterId = payout.getId();
            }
        } while (page.size() == PAGE);
    }

    private static List<Object> row(Payout p) {
        return java.util.Arrays.asList(p.getId().toString(), p.getDriverId().toString(), p.getAmount().setScale(0),
                p.getCurrency(), p.getStatus().name(), p.getProvider() == null ? null : p.getProvider().name(),
                p.getRecipient(), p.getProviderRef(), p.getAttempts(), p.getFailureReason(), text(p.getCreatedAt()),
                text(p.getProcessedAt()), text(p.getPeriodStart()), text(p.getPeriodEnd()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
