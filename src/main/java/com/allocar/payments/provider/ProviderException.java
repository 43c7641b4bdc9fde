package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.errors.ApiException;

/**
 * A provider call did not give the answer asked for. Two kinds, as subclasses: {@link ProviderRefusedException}
 * (the provider answered and said no: the outcome is known) and {@link ProviderUnavailableException} (no usable
 * answer: I/O error, timeout, 5xx, 429, our credentials refused, provider not configured). After an
 * unavailable <em>creation</em> the outcome is unknown: look the attempt up, never charge blindly again.
 * Messages hold the provider, HTTP status and error code, never a secret, token or phone number.
 */
public abstract class ProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final PaymentProvider provider;
    private final int httpStatus;
    private final String providerCode;

    protected ProviderException(PaymentProvider provider, int httpStatus, String providerCode, String message,
                                Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.providerCode = providerCode;
    }

    public PaymentProvider provider() {
        return provider;
    }

    /** The provider's HTTP status, or 0 when none came (I/O error, timeout, not configured). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's error code ({@code insufficient-funds}, {@code card_declined}, {@code PAYER_NOT_FOUND}…), or null. */
    public String providerCode() {
        return providerCode;
    }

    /** The catalogue error to answer a client with: 402 {@code payment_failed} or 503 {@code service_unavailable}. */
    public abstract ApiException toApiException();
}
