package com.allocar.platform.idempotency;

public enum IdempotencyStatus {
    in_progress, completed
}
