package com.allocar.messaging;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides phone numbers and e-mail addresses in a chat text (anti-disintermediation: until a booking is paid, its
 * parties must not move the deal off the platform). Phone numbers are found by libphonenumber
 * ({@link PhoneNumberUtil#findNumbers}, Ivorian numbers without a country code, any number with one, in any usual
 * grouping: {@code 07 07 12 34 56}, {@code 07.07.12.34.56}, {@code +225 0707123456}, {@code 00225 …}), then by a
 * rule of our own for what it does not take for a number: eight digits or more in one run, whatever single spaces,
 * dots or dashes separate them (the eight-digit numbers of before 2021, digits spelt out one by one, numbers glued to
 * a link). Dates ({@code 12.05.2026}) and amounts ({@code 6 000 F}) stay. E-mail addresses are found with their usual
 * disguises ({@code nom (at) mail (point) com}). Not caught: numbers written in words, or with letters for digits.
 */
public final class ContactMasking {
    public static final String PHONE = "[numéro masqué]";
    public static final String EMAIL = "[e-mail masqué]";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Numbers without a country code are read as Ivorian, the first market (as {@code PhoneNumbers} does). */
    private static final String REGION = "CI";
    private static final String AT = "(?:\\s*@\\s*|\\s*[(\\[{]\\s*(?:at|arobase)\\s*[)\\]}]\\s*|\\s+(?:at|arobase)\\s+)";
    private static final String DOT = "(?:\\.|\\s*[(\\[{]\\s*(?:dot|point)\\s*[)\\]}]\\s*|\\s+(?:dot|point)\\s+)";
    private static final Pattern EMAILS = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+" + AT + "[\\p{L}\\p{N}-]+(?:" + DOT + "[\\p{L}\\p{N}-]+)*" + DOT + "\\p{L}{2,}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Eight digits or more, single separators allowed between them, not inside a longer word. */
    private static final Pattern DIGIT_RUNS = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\d(?:[ .\\-]?\\d){7,}");
    /** A date such as 12.05.2026, 12-05-26 or 2026-05-12: eight digits, but no contact. */
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}([.\\-])\\d{1,2}\\1(?:\\d{4}|\\d{2})|\\d{4}([.\\-])\\d{1,2}\\2\\d{1,2}");

    private ContactMasking() {
    }

    /** The text with its contact details replaced, and whether anything was. */
    public record Result(String text, boolean masked) {
    }

    public static Result mask(String text) {
        String withoutEmails = EMAILS.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        List<int[]> spans = new ArrayList<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(withoutEmails, REGION, PhoneNumberUtil.Leniency.POSSIBLE,
                Long.MAX_VALUE)) {
            spans.add(new int[] {match.start(), match.end()});
        }
        Matcher digits = DIGIT_RUNS.matcher(withoutEmails);
        while (digits.find()) {
            if (!DATE.matcher(digits.group()).matches()) {
                spans.add(new int[] {digits.start(), digits.end()});
            }
        }
        String result = replace(withoutEmails, spans);
        return new Result(result, !result.equals(text));
    }

    /** Replaces each span (merged where they overlap) with {@link #PHONE}. */
    private static String replace(String text, List<int[]> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(span -> span[0]));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        int end = -1;
        for (int[] span : spans) {
            if (span[0] >= end) {
                if (end >= 0) {
                    out.append(PHONE);
                }
                out.append(text, at, span[0]);
                end = span[1];
            } else {
                end = Math.max(end, span[1]);
            }
            at = end;
        }
        out.append(PHONE).append(text, at, text.length());
        return out.toString();
    }
}
