package com.allocar.platform.errors;

/**
 * The error catalogue: every code a client can receive, with its HTTP status. docs/errors.md lists the same
 * codes (a unit test keeps the two in step). Codes are stable; messages are for humans and may change.
 */
public enum ErrorCode {
    validation_error(400, "The request is not valid."),
    auth_required(401, "Authentication is required."),
    webhook_invalid_signature(401, "The webhook signature is missing, invalid or stale."),
    payment_failed(402, "The payment could not be completed."),
    insufficient_funds(402, "The wallet balance is too low for this operation."),
    forbidden(403, "You are not allowed to do this."),
    kyc_required(403, "An approved identity verification (KYC) is required."),
    not_found(404, "The resource does not exist."),
    method_not_allowed(405, "This method is not allowed on this resource."),
    not_acceptable(406, "This resource can only answer with application/json."),
    conflict(409, "The resource is not in a state that allows this."),
    booking_conflict(409, "The booking cannot be made or changed as asked."),
    idempotency_in_progress(409, "A request with this Idempotency-Key is still being processed."),
    payload_too_large(413, "The request body is too large."),
    unsupported_media_type(415, "The request body must be application/json."),
    idempotency_conflict(422, "This Idempotency-Key was already used with a different request."),
    rate_limited(429, "Too many requests; retry later."),
    promo_invalid(422, "This promo code cannot be applied to this booking."),
    internal_error(500, "An unexpected error occurred; it has been logged with the request id."),
    service_unavailable(503, "A dependency is unavailable; retry later.");

    private final int status;
    private final String defaultMessage;

    ErrorCode(int status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code for an HTTP status produced by the server itself (framework or container), not by our code. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> validation_error;
            case 401 -> auth_required;
            case 403 -> forbidden;
            case 404 -> not_found;
            case 405 -> method_not_allowed;
            case 406 -> not_acceptable;
            case 409 -> conflict;
            case 413 -> payload_too_large;
            case 415 -> unsupported_media_type;
            case 429 -> rate_limited;
            case 503 -> service_unavailable;
            default -> status >= 500 ? internal_error : validation_error;
        };
    }
}
