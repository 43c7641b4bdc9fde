package com.allocar.payouts;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The payouts job's parameters. */
final class PayoutRun {
    static final String JOB = "payouts";

    private PayoutRun() {
    }

    /**
     * The run's cut-off (job parameter {@code cutoff}, ISO instant): entries available after it wait for the next run.
     * Started from the batch console without it, the run takes the time it opens its reader.
     */
    static Instant cutoff(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(parameter.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cutoff must be an ISO instant such as 2026-12-07T06:00:00Z", e);
        }
    }
}
