package com.allocar.payments.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** XOF amounts as providers write them: whole francs, no decimals ("5000"). */
public final class Amounts {
    public static final String XOF = "XOF";
    /**
     * Plain decimal text only: at most 15 digits before the point and 6 after, no exponent. Provider answers and
     * callbacks (MTN's is unsigned) are read before anything is checked, and "1e9000000" becomes nine million digits
     * at the first setScale.
     */
    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    private static final int MAX_CHARS = 23;

    private Amounts() {
    }

    /** {@code amount} with scale 0; refuses fractions of a franc. */
    public static BigDecimal wholeFrancs(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("an amount is required");
        }
        try {
            return amount.setScale(0, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("XOF amounts are whole francs: " + amount.toPlainString(), e);
        }
    }

    /** "5000" for 5000 (or 5000.00). */
    public static String wire(BigDecimal amount) {
        return wholeFrancs(amount).toPlainString();
    }

    /**
     * A provider's amount ("5000", "5000.00", 5000) as whole francs, or null when absent or not a plain decimal within
     * the bounds (exponents, huge or over-long numbers and any other text); the length is checked before anything else.
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.length() > MAX_CHARS + 2) {
            return null;
        }
        String plain = text.strip();
        if (plain.length() > MAX_CHARS || !PLAIN.matcher(plain).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(plain);
        return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /** Whether two amounts are the same number of francs (5000 = 5000.00); false when either is null. */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }
}
