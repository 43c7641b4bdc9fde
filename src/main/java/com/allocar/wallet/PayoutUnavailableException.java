package com.allocar.wallet;

/**
 * No usable answer from the payout provider (not configured, unreachable, timeout, 5xx, 429): the transfer may or may
 * not have been made; send again with the same idempotency key, or look it up.
 */
public class PayoutUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PayoutUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
