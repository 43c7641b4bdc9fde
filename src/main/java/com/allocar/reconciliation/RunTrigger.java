package com.allocar.reconciliation;

/**
 * Who started a run: the daily schedule, an admin ({@code POST /admin/reconciliation/run}), or an operator from
 * the batch console (Admin Center, {@code /ibm/api/batch}) without a run of ours.
 */
public enum RunTrigger {
    schedule, admin, console
}
