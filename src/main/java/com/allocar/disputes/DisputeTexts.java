package com.allocar.disputes;

import com.allocar.platform.errors.ValidationException;

/** The texts of disputes: a length in code points and no control characters but line breaks and tabs. */
final class DisputeTexts {
    private DisputeTexts() {
    }

    /** {@code text} when it is {@code min..max} code points without other control characters; else 400 on field. */
    static String checked(String field, String text, int min, int max) {
        if (text == null || text.isEmpty()) {
            throw ValidationException.field(field, "must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw ValidationException.field(field, "must be " + min + " to " + max + " characters");
        }
        boolean clean = text.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t'
                || (!Character.isISOControl(c) && Character.getType(c) != Character.SURROGATE));
        if (!clean) {
            throw ValidationException.field(field, "must not contain control characters other than line breaks and "
                    + "tabs");
        }
        return text;
    }
}
