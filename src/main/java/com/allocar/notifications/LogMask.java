package com.allocar.notifications;

import java.util.regex.Pattern;

/** How recipients appear in logs: phone numbers show their last 3 digits only, mail addresses their domain. */
public final class LogMask {
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9 ().-]*");

    private LogMask() {
    }

    /**
     * {@code +2250701234567} → {@code +**********567}: every digit but the last three hidden (all of them in a
     * number of 6 digits or fewer); anything that is not a number at all → {@code ***}.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return "(none)";
        }
        if (!PHONE_LIKE.matcher(phone).matches()) {
            return "***";
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int keep = digits > 6 ? 3 : 0;
        StringBuilder masked = new StringBuilder(phone.length());
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - keep ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** {@code awa.traore@example.ci} → {@code a***@example.ci}. */
    public static String email(String address) {
        if (address == null) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** The recipient of a message of the given channel, masked. */
    public static String recipient(OutboxChannel channel, String recipient) {
        return switch (channel) {
            case sms -> phone(recipient);
            case email -> email(recipient);
            case push -> recipient == null ? "(none)" : "token …" + recipient.substring(Math.max(0, recipient.length() - 6));
        };
    }
}
