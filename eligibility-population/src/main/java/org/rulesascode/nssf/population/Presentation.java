package org.rulesascode.nssf.population;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How a summary is presented to people: estimates scaled from the sample to a population size, and amounts also in
 * US dollars at a rate the user states. Neither changes a computed figure: scaled figures are shown beside the
 * sample's, with the sample size.
 *
 * @param scaleTo    the size of the population the sample stands for (e.g. NSSF's members), or null for no estimates
 * @param rielPerUsd riel per US dollar for amounts shown in dollars, or null for riel only
 */
public record Presentation(Long scaleTo, Long rielPerUsd) implements java.io.Serializable {
    /** Sample figures only, riel only. */
    public static final Presentation NONE = new Presentation(null, null);

    /** The largest population to scale to (ten times Cambodia's population). */
    public static final long MAX_SCALE_TO = 200_000_000L;

    public Presentation {
        if (scaleTo != null && (scaleTo < 1 || scaleTo > MAX_SCALE_TO)) {
            throw new org.rulesascode.nssf.eligibility.InvalidInputException("--scale-to", "is " + scaleTo, "a whole number from 1 to 200,000,000");
        }
        if (rielPerUsd != null && (rielPerUsd < 1 || rielPerUsd > 1_000_000)) {
            throw new org.rulesascode.nssf.eligibility.InvalidInputException("--usd-rate", "is " + rielPerUsd, "riel per US dollar, a whole number from 1 to 1,000,000");
        }
    }

    /** @return {@code x} scaled from a sample of {@code sample} to {@link #scaleTo}, whole, halves up; null without scaling or sample */
    public Long scaled(long x, long sample) {
        if (scaleTo == null || sample <= 0) return null;
        return BigDecimal.valueOf(x).multiply(BigDecimal.valueOf(scaleTo)).divide(BigDecimal.valueOf(sample), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * Scales a weighted figure: {@code x × scaleTo / weightTotal}, whole, halves up. Without weights (every row 1) the
     * weight total is the sample size and this is {@link #scaled(long, long)}; with weights, the weights say how the
     * sample's rows stand for the population and {@code --scale-to} sets its total size.
     *
     * @param x           a weighted figure (Σ weight × value), exact
     * @param weightTotal the sum of the weights of the assessed rows
     * @return the estimate, or null without scaling or without rows
     */
    public Long scaled(BigDecimal x, BigDecimal weightTotal) {
        if (scaleTo == null || weightTotal.signum() <= 0) return null;
        return x.multiply(BigDecimal.valueOf(scaleTo)).divide(weightTotal, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** @return an amount of riel for people: "12,345 riel", "45.6 million riel", "1.23 billion riel", with US dollars when a rate is given */
    public String riel(long riel) {
        String s = words(riel, "riel");
        if (rielPerUsd == null) return s;
        long usd = BigDecimal.valueOf(riel).divide(BigDecimal.valueOf(rielPerUsd), 0, RoundingMode.HALF_UP).longValueExact();
        return s + " (US$ " + words(usd, "").strip() + ")";
    }

    /** @return {@link #riel} with a sign */
    public String signedRiel(long riel) {
        return (riel > 0 ? "+" : "") + riel(riel);
    }

    static String words(long n, String unit) {
        long a = Math.abs(n);
        String u = unit.isEmpty() ? "" : " " + unit;
        if (a >= 1_000_000_000L) return String.format(Locale.ROOT, "%s%s billion%s", n < 0 ? "-" : "", decimal(a, 1_000_000_000L), u);
        if (a >= 1_000_000L) return String.format(Locale.ROOT, "%s%s million%s", n < 0 ? "-" : "", decimal(a, 1_000_000L), u);
        return String.format(Locale.ROOT, "%,d%s", n, u);
    }

    /** @return a / unit with three significant digits (at least one decimal below 100), halves up */
    private static String decimal(long a, long unit) {
        BigDecimal v = BigDecimal.valueOf(a).divide(BigDecimal.valueOf(unit));
        int scale = v.compareTo(BigDecimal.TEN) < 0 ? 2 : v.compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0;
        return String.format(Locale.ROOT, "%,." + scale + "f", v.setScale(scale, RoundingMode.HALF_UP));
    }
}
