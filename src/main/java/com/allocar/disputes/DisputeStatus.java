package com.allocar.disputes;

/** open → in_review → resolved | rejected. */
public enum DisputeStatus {
    open, in_review, resolved, rejected
}
