package com.allocar.reconciliation;

/** running → done | failed; a failed (or stopped) run restarted from the batch console is running again. */
public enum RunStatus {
    running, done, failed
}
