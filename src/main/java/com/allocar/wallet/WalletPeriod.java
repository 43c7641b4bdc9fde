package com.allocar.wallet;

import com.allocar.platform.errors.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code period} filter of {@code GET /wallet/txns}: a half-open interval {@code [from, to)} ({@code to} null
 * means up to now). Accepted forms, days and months in UTC (Côte d'Ivoire's time all year):
 * <ul>
 *   <li>{@code Nd}: the last N days (1 to 366), i.e. from now minus N × 24 h;</li>
 *   <li>{@code YYYY-MM}: that calendar month;</li>
 *   <li>{@code YYYY-MM-DD}: that day;</li>
 *   <li>{@code YYYY-MM-DD..YYYY-MM-DD}: from the first day to the last day, both included.</li>
 * </ul>
 */
public record WalletPeriod(Instant from, Instant to) {
    public static final String FORMATS = "expected Nd (1d to 366d), YYYY-MM, YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD";
    static final int MAX_DAYS = 366;
    private static final Pattern LAST_DAYS = Pattern.compile("([0-9]{1,3})d");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    public WalletPeriod {
        Objects.requireNonNull(from, "from");
        if (to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    /** The period {@code text} names, as of {@code now}; a validation_error on {@code period} otherwise. */
    public static WalletPeriod parse(String text, Instant now) {
        String value = text == null ? "" : text.trim();
        try {
            Matcher days = LAST_DAYS.matcher(value);
            if (days.matches()) {
                int count = Integer.parseInt(days.group(1));
                if (count < 1 || count > MAX_DAYS) {
                    throw invalid(value, "the number of days is 1 to " + MAX_DAYS);
                }
                return new WalletPeriod(now.minus(Duration.ofDays(count)), null);
            }
            if (MONTH.matcher(value).matches()) {
                YearMonth month = YearMonth.parse(value);
                return new WalletPeriod(startOf(month.atDay(1)), startOf(month.plusMonths(1).atDay(1)));
            }
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return new WalletPeriod(startOf(day), startOf(day.plusDays(1)));
            }
            int dots = value.indexOf("..");
            if (dots > 0 && DAY.matcher(value.substring(0, dots)).matches()
                    && DAY.matcher(value.substring(dots + 2)).matches()) {
                LocalDate first = LocalDate.parse(value.substring(0, dots));
                LocalDate last = LocalDate.parse(value.substring(dots + 2));
                if (last.isBefore(first)) {
                    throw invalid(value, "the last day is before the first");
                }
                return new WalletPeriod(startOf(first), startOf(last.plusDays(1)));
            }
        } catch (DateTimeParseException e) {
            throw invalid(value, "no such date");
        }
        throw invalid(value, FORMATS);
    }

    /** The period of an optional {@code period} parameter. */
    public static Optional<WalletPeriod> optional(String text, Instant now) {
        return text == null ? Optional.empty() : Optional.of(parse(text, now));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static ValidationException invalid(String value, String problem) {
        return ValidationException.field("period", "invalid value '" + value + "': " + problem);
    }
}
