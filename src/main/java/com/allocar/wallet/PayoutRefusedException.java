package com.allocar.wallet;

/** The payout provider answered and refused the transfer (or the look-up): the outcome of that call is known. */
public class PayoutRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String providerCode;

    public PayoutRefusedException(String providerCode, String message, Throwable cause) {
        super(message, cause);
        this.providerCode = providerCode;
    }

    /** The provider's error code ({@code recipient-limit-exceeded} …), or null. */
    public String providerCode() {
        return providerCode;
    }
}
