package org.rulesascode.nssf.population.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.rulesascode.nssf.eligibility.InvalidInputException;

/**
 * The optional weight of a population row: how many persons of the population the row stands for (a stratified
 * sample's inverse inclusion probability). A positive decimal of at most {@link #MAX} with at most
 * {@link #MAX_DECIMALS} decimals; a row without one weighs 1.
 */
public final class Weights {
    private Weights() { }

    /** The largest weight. */
    public static final BigDecimal MAX = BigDecimal.valueOf(1_000_000_000L);
    /** The most decimals a weight may have (trailing zeros do not count). */
    public static final int MAX_DECIMALS = 6;
    /** What a weight may be, for error messages. */
    public static final String ALLOWED = "a positive number of at most 1,000,000,000 with at most 6 decimals (e.g. 1, 2.5 or 431.7), or no weight (1)";

    private static final Pattern CSV = Pattern.compile("\\d{1,10}(\\.\\d{1,12})?");

    /**
     * @param raw   a CSV field
     * @param field the column name, for errors
     * @return the weight, or null when the field is empty
     * @throws InvalidInputException when it is not an allowed weight
     */
    public static BigDecimal ofText(String raw, String field) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        if (!CSV.matcher(s).matches()) throw new InvalidInputException(field, "'" + s + "' is not a positive decimal number", ALLOWED);
        return check(new BigDecimal(s), field, s);
    }

    /**
     * @param value a number already read (e.g. from JSON)
     * @param field the JSON path, for errors
     * @return the weight
     * @throws InvalidInputException when it is not an allowed weight
     */
    public static BigDecimal check(BigDecimal value, String field, String shown) {
        if (value.signum() <= 0) throw new InvalidInputException(field, "is " + shown + ", not positive", ALLOWED);
        if (value.compareTo(MAX) > 0) throw new InvalidInputException(field, "is " + shown + ", more than 1,000,000,000", ALLOWED);
        BigDecimal w = value.stripTrailingZeros();
        if (w.scale() > MAX_DECIMALS) throw new InvalidInputException(field, "is " + shown + ", with more than " + MAX_DECIMALS + " decimals", ALLOWED);
        return w.scale() < 0 ? w.setScale(0) : w;
    }
}
