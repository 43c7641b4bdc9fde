package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `webhook_invalid_signature`. */
public class WebhookInvalidSignatureException extends ApiException {
    public WebhookInvalidSignatureException(String message) {
        super(ErrorCode.webhook_invalid_signature, message, null);
    }

    public WebhookInvalidSignatureException(String message, Map<String, ?> details) {
        super(ErrorCode.webhook_invalid_signature, message, details);
    }
}
