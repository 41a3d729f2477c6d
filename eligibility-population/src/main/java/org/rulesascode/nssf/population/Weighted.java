package org.rulesascode.nssf.population;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A few weighted sums, Σ weight × x, kept exact: the rows without a weight (weight 1) add into a {@code long}, the
 * others into a {@link BigDecimal} (a weight has at most 6 decimals, so every product is exact). The sum does not
 * depend on the order of the additions or on how partitions are merged. Rounded only when presented
 * ({@link #rounded}: halves up to a whole riel or a whole person). Not thread-safe.
 */
final class Weighted implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a weighted figure is rounded for people, named in {@code summary.json}. */
    static final String ROUNDING = "weighted sums are exact; shown rounded to a whole riel or a whole person, halves up";

    private final long[] unit;
    private final BigDecimal[] weighted;

    Weighted(int size) {
        unit = new long[size];
        weighted = new BigDecimal[size];
    }

    /** Adds {@code weight × x} to sum {@code i}; a null weight is 1. */
    void add(int i, long x, BigDecimal weight) {
        if (x == 0) return;
        if (weight == null) {
            unit[i] = Math.addExact(unit[i], x);
        } else {
            BigDecimal p = weight.multiply(BigDecimal.valueOf(x));
            weighted[i] = weighted[i] == null ? p : weighted[i].add(p);
        }
    }

    /** Adds {@code weight} (1 when null) to sum {@code i}: a person counted. */
    void count(int i, BigDecimal weight) {
        add(i, 1, weight);
    }

    void merge(Weighted o) {
        for (int i = 0; i < unit.length; i++) {
            unit[i] = Math.addExact(unit[i], o.unit[i]);
            if (o.weighted[i] != null) weighted[i] = weighted[i] == null ? o.weighted[i] : weighted[i].add(o.weighted[i]);
        }
    }

    /** @return sum {@code i}, exact */
    BigDecimal get(int i) {
        BigDecimal u = BigDecimal.valueOf(unit[i]);
        return weighted[i] == null ? u : weighted[i].add(u);
    }

    /** @return sum {@code i} rounded to a whole number, halves up */
    long rounded(int i) {
        return rounded(get(i));
    }

    static long rounded(BigDecimal x) {
        return x.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** @return {@code x} for people: thousands separated, without trailing zeros (e.g. "163,466.4", "1,200") */
    static String grouped(BigDecimal x) {
        BigDecimal v = x.signum() == 0 ? BigDecimal.ZERO : x.stripTrailingZeros();
        if (v.scale() < 0) v = v.setScale(0);
        return String.format(java.util.Locale.ROOT, "%,." + v.scale() + "f", v);
    }

    /** @return {@code x} without trailing zeros, in plain notation (e.g. "431.7", "1200") */
    static String plain(BigDecimal x) {
        return x.signum() == 0 ? "0" : x.stripTrailingZeros().toPlainString();
    }
}
