package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `booking_conflict`. */
public class BookingConflictException extends ApiException {
    public BookingConflictException(String message) {
        super(ErrorCode.booking_conflict, message, null);
    }

    public BookingConflictException(String message, Map<String, ?> details) {
        super(ErrorCode.booking_conflict, message, details);
    }
}
