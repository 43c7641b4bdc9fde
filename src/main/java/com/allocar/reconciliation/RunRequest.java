package com.allocar.reconciliation;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /admin/reconciliation/run}: which day and provider to reconcile. */
@Schema(name = "ReconciliationRunRequest")
public record RunRequest(
        @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "must be an ISO date (YYYY-MM-DD)")
        @Schema(description = "The UTC day to reconcile, at most today; default yesterday", example = "2026-12-01")
        String day,
        @Pattern(regexp = "^(wave|orange|mtn|stripe)$", message = "must be wave, orange, mtn or stripe")
        @Schema(description = "One provider; default all", enumeration = {"wave", "orange", "mtn", "stripe"})
        String provider) {
}
