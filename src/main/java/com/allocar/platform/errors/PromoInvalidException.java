package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `promo_invalid`: details.reason says why (docs/promos.md). */
public class PromoInvalidException extends ApiException {
    public PromoInvalidException(String message, Map<String, ?> details) {
        super(ErrorCode.promo_invalid, message, details);
    }
}
