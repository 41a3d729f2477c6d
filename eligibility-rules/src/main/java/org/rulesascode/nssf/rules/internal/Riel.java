package org.rulesascode.nssf.rules.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount in riel as a calculation step shows it ("1,234,567 KHR"; a fraction with at most three decimals), formatted
 * only when the step is rendered: the outcome fast path builds steps it never shows, and formatting every amount there
 * cost more than the rules that computed it.
 *
 * @param value the amount
 * @param whole true for a whole amount (integer format), false for a decimal one (number format, at most 3 decimals, half even)
 */
public record Riel(BigDecimal value, boolean whole) {
    @Override
    public String toString() {
        NumberFormat f = whole ? NumberFormat.getIntegerInstance(Locale.ROOT) : NumberFormat.getNumberInstance(Locale.ROOT);
        return (whole ? f.format(value.longValueExact()) : f.format(value)) + " KHR";
    }
}
