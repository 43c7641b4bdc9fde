package com.allocar.reconciliation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code POST /admin/reconciliation/run} started: the run, and the batch job execution working on it. */
@Schema(name = "ReconciliationRunStarted")
public record RunStarted(
        ReconciliationRunView run,
        @Schema(description = "The Jakarta Batch execution id (batch console, /ibm/api/batch/jobexecutions/{id})")
        long executionId) {
}
