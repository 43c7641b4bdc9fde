package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `kyc_required`. */
public class KycRequiredException extends ApiException {
    public KycRequiredException(String message) {
        super(ErrorCode.kyc_required, message, null);
    }

    public KycRequiredException(String message, Map<String, ?> details) {
        super(ErrorCode.kyc_required, message, details);
    }
}
