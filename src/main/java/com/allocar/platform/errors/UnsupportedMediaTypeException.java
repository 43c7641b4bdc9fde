package com.allocar.platform.errors;

import java.util.Map;

/** Catalogue code `unsupported_media_type`. */
public class UnsupportedMediaTypeException extends ApiException {
    public UnsupportedMediaTypeException(String message) {
        super(ErrorCode.unsupported_media_type, message, null);
    }

    public UnsupportedMediaTypeException(String message, Map<String, ?> details) {
        super(ErrorCode.unsupported_media_type, message, details);
    }
}
