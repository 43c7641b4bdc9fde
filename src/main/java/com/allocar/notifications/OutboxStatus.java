package com.allocar.notifications;

/** pending → sending → sent, or back to pending for a retry, or failed after the last attempt. */
public enum OutboxStatus {
    pending, sending, sent, failed
}
