package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.errors.ApiException;
import com.allocar.platform.errors.ServiceUnavailableException;
import java.util.Map;

/**
 * No usable answer: the provider is not configured, unreachable, timed out, answered 5xx/408/429, or refused
 * our credentials (401/403, a configuration problem logged as such). Look-ups are retried (Fault Tolerance);
 * after a creation the outcome is unknown, so look the attempt up before anything else.
 */
public class ProviderUnavailableException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public ProviderUnavailableException(PaymentProvider provider, int httpStatus, String providerCode, String message,
                                        Throwable cause) {
        super(provider, httpStatus, providerCode, message, cause);
    }

    public static ProviderUnavailableException notConfigured(PaymentProvider provider) {
        return new ProviderUnavailableException(provider, 0, null, "not configured", null);
    }

    @Override
    public ApiException toApiException() {
        return new ServiceUnavailableException("The payment provider is not available; retry later.",
                Map.of("provider", provider().name()));
    }
}
