package com.allocar.payments;

/** scheduled → processing → done | failed. */
public enum PayoutStatus {
    scheduled, processing, done, failed
}
