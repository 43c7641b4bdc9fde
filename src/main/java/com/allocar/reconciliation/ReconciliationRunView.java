package com.allocar.reconciliation;

import com.allocar.payments.PaymentProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reconciliation run as finance sees it. */
@Schema(name = "ReconciliationRun")
public record ReconciliationRunView(
        UUID id,
        @Schema(description = "The UTC day reconciled", example = "2026-12-01") LocalDate day,
        @Schema(description = "The provider reconciled; null: all") PaymentProvider provider,
        RunStatus status,
        @Schema(description = "Records compared (ours, and entries of the providers' own lists)") int recordsChecked,
        @Schema(description = "Records of ours the provider could not be asked about (not configured, unavailable): "
                + "run again later") int recordsUnchecked,
        @Schema(description = "Differences found (items)") int differences,
        @Schema(description = "Of them, repaired by the run") int repaired,
        @Schema(description = "While running: attempts, refunds, provider_lists or webhooks") String phase,
        RunTrigger triggeredBy,
        @Schema(description = "The admin who asked for it (triggered_by admin)") UUID adminId,
        @Schema(description = "The Jakarta Batch job instance (batch console)") Long batchInstanceId,
        @Schema(description = "The latest Jakarta Batch job execution") Long batchExecutionId,
        @Schema(description = "Why it failed (or stopped, or was abandoned)") String failure,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {

    static ReconciliationRunView of(ReconciliationRun run) {
        return new ReconciliationRunView(run.getId(), run.getDay(), run.getProvider(), run.getStatus(),
                run.getRecordsChecked(), run.getRecordsUnchecked(), run.getDifferences(), run.getRepaired(),
                run.getPhase(), run.getTriggeredBy(), run.getAdminId(), run.getBatchInstanceId(),
                run.getBatchExecutionId(), run.getFailure(), run.getStartedAt(), run.getFinishedAt(),
                run.getUpdatedAt());
    }
}
