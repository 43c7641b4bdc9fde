package com.allocar.payments.provider;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** XOF amounts as providers write them: whole francs, no decimals ("5000"). */
public final class Amounts {
    public static final String XOF = "XOF";

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

    /** A provider's amount ("5000", "5000.00", 5000) as whole francs, or null when absent or not a number. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return value.stripTrailingZeros().scale() <= 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether two amounts are the same number of francs (5000 = 5000.00); false when either is null. */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }
}
