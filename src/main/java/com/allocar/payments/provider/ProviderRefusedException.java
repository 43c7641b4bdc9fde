package com.allocar.payments.provider;

import com.allocar.payments.PaymentProvider;
import com.allocar.platform.errors.ApiException;
import com.allocar.platform.errors.PaymentFailedException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provider answered and refused (a 4xx other than 401, 403, 408 and 429): invalid request, unknown attempt
 * (404, see {@link #notFound()}), insufficient funds, declined card, duplicate. Retrying the same call fails
 * again.
 */
public class ProviderRefusedException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public ProviderRefusedException(PaymentProvider provider, int httpStatus, String providerCode, String message) {
        super(provider, httpStatus, providerCode, message, null);
    }

    /** The provider does not know the attempt (HTTP 404). */
    public boolean notFound() {
        return httpStatus() == 404;
    }

    @Override
    public ApiException toApiException() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider().name());
        details.put("reason", providerCode() == null ? "refused" : providerCode());
        return new PaymentFailedException("The payment provider refused the request.", details);
    }
}
