package com.allocar.identity;

import com.allocar.platform.errors.ValidationException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers in E.164 (libphonenumber). Numbers without a country code are read as Ivorian (+225), the
 * first market; any valid international number is accepted.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "CI";

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code raw}, or a validation_error on {@code field}. */
    public static String normalize(String raw, String field) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                throw ValidationException.field(field, "is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ValidationException.field(field, "is not a phone number");
        }
    }

    public static boolean looksLikePhone(String identifier) {
        return identifier != null && identifier.matches("[+0-9 ().-]{6,}");
    }

    /** For messages and logs: all but the last three digits hidden. */
    public static String mask(String e164) {
        if (e164 == null || e164.length() < 4) {
            return "***";
        }
        return e164.substring(0, Math.min(4, e164.length() - 3)) + "*".repeat(Math.max(0, e164.length() - 7))
                + e164.substring(e164.length() - 3);
    }
}
