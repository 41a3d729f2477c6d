package org.rulesascode.nssf.population;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Wage deciles of a population run, kept mergeable: a fixed histogram of the current monthly wage (exact counts
 * per bin, and per bin the annual cost per payer and the contributions of the last 12 months), from which the
 * deciles are cut only when presented. Merging adds bin by bin, so partitions give the same deciles as one run.
 *
 * <p><b>Bins</b> ({@link #bin}): 10,000 riel wide below 10,000,000 riel; 1,000,000 riel wide from 10,000,000 to
 * 999,999,999; one open bin from 1,000,000,000. A decile boundary therefore falls on a bin edge: it is exact to
 * 10,000 riel (about 2.5 US dollars) for wages below 10 million riel. <b>Cutting</b> ({@link #cut}): bins are taken in
 * wage order into decile k until the persons taken reach k tenths of the persons with a wage; a bin is never split,
 * so a decile holds about, not exactly, a tenth of the persons (its actual share is shown), and when one bin holds
 * the end of several deciles they are shown together ("deciles 2-3"). Persons without a wage are apart ("no wage").
 * Deciles count the sample's persons: row weights are not applied to them. Not thread-safe.
 */
public final class WageDeciles implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Width of a bin below {@link #FINE_LIMIT}, riel. */
    public static final long FINE_WIDTH = 10_000L;
    /** Where the fine bins end, riel. */
    public static final long FINE_LIMIT = 10_000_000L;
    /** Width of a bin from {@link #FINE_LIMIT} to {@link #OPEN_FROM}, riel. */
    public static final long COARSE_WIDTH = 1_000_000L;
    /** Where the open last bin starts, riel. */
    public static final long OPEN_FROM = 1_000_000_000L;
    private static final int FINE_BINS = (int) (FINE_LIMIT / FINE_WIDTH);
    private static final int OPEN_BIN = FINE_BINS + (int) ((OPEN_FROM - FINE_LIMIT) / COARSE_WIDTH);
    /** The bin resolution, in words, for summaries and the report. */
    public static final String RESOLUTION = "decile boundaries fall on bin edges: bins of 10,000 riel below 10,000,000 riel, "
            + "of 1,000,000 riel up to 999,999,999, one bin from 1,000,000,000; a bin is never split, so each decile's actual share "
            + "of the persons with a wage is shown; row weights are not applied";

    /** Per bin: persons, annual cost per payer ({@link Payer} order), contributions of the last 12 months. */
    private final TreeMap<Integer, long[]> bins = new TreeMap<>();
    private final long[] noWage = new long[CELLS];
    private static final int CELLS = 2 + Payer.values().length;
    private static final int CONTRIBUTIONS = 1 + Payer.values().length;

    /** @return the bin of a monthly wage in riel (0 or more) */
    public static int bin(long riel) {
        if (riel < 0) throw new IllegalArgumentException("a negative wage: " + riel);
        if (riel < FINE_LIMIT) return (int) (riel / FINE_WIDTH);
        if (riel < OPEN_FROM) return FINE_BINS + (int) ((riel - FINE_LIMIT) / COARSE_WIDTH);
        return OPEN_BIN;
    }

    /** @return the lowest wage of a bin, riel */
    public static long lower(int bin) {
        if (bin <= FINE_BINS) return bin * FINE_WIDTH;
        return FINE_LIMIT + (bin - FINE_BINS) * COARSE_WIDTH;
    }

    /** @return the highest wage of a bin, riel, or null for the open last bin */
    public static Long upper(int bin) {
        return bin >= OPEN_BIN ? null : lower(bin + 1) - 1;
    }

    void add(PersonResult p) {
        long[] c = p.wage() == null ? noWage : bins.computeIfAbsent(bin(p.wage()), k -> new long[CELLS]);
        c[0]++;
        for (Payer x : Payer.values()) c[1 + x.ordinal()] = Math.addExact(c[1 + x.ordinal()], p.annualValue(x));
        c[CONTRIBUTIONS] = Math.addExact(c[CONTRIBUTIONS], p.contributionsTotal().totalLast12());
    }

    void merge(WageDeciles o) {
        o.bins.forEach((k, v) -> {
            long[] c = bins.computeIfAbsent(k, x -> new long[CELLS]);
            for (int i = 0; i < CELLS; i++) c[i] = Math.addExact(c[i], v[i]);
        });
        for (int i = 0; i < CELLS; i++) noWage[i] = Math.addExact(noWage[i], o.noWage[i]);
    }

    /**
     * A decile (or several, when one bin holds the end of each) cut from the histogram.
     *
     * @param first    the first decile, 1 to 10
     * @param last     the last decile, {@code first} to 10
     * @param firstBin the first bin
     * @param lastBin  the last bin
     * @param persons  persons in these bins
     */
    public record Cut(int first, int last, int firstBin, int lastBin, long persons) implements Serializable {
        /** @return the lowest wage of the cut, riel */
        public long from() {
            return lower(firstBin);
        }

        /** @return the highest wage of the cut, riel, or null when it ends with the open last bin */
        public Long to() {
            return upper(lastBin);
        }

        /** @return "decile 3" or "deciles 2-3" */
        public String name() {
            return first == last ? "decile " + first : "deciles " + first + "-" + last;
        }

        /** @return the share of {@code total} persons, in percent with one decimal, halves up, e.g. "10.2 %" */
        public String share(long total) {
            return total == 0 ? "0.0 %" : BigDecimal.valueOf(persons * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).toPlainString() + " %";
        }

        /** @return e.g. "decile 1: 0 to 419,999 riel, 10.2 % of persons with a wage" */
        public String label(long total) {
            return name() + ": " + String.format(Locale.ROOT, "%,d", from()) + (to() == null ? " riel and over" : String.format(Locale.ROOT, " to %,d riel", to()))
                    + ", " + share(total) + " of persons with a wage";
        }
    }

    /**
     * Cuts deciles from persons per bin (see the class comment).
     *
     * @param persons persons per bin, only bins with persons
     * @return the cuts in wage order, covering deciles 1 to 10 once each; empty when nobody has a wage
     */
    public static List<Cut> cut(NavigableMap<Integer, Long> persons) {
        long n = 0;
        for (long x : persons.values()) n = Math.addExact(n, x);
        List<Cut> out = new ArrayList<>();
        if (n == 0) return out;
        int d = 1;
        long cum = 0;
        long inCut = 0;
        Integer firstBin = null;
        for (Map.Entry<Integer, Long> e : persons.entrySet()) {
            if (e.getValue() == 0) continue;
            if (firstBin == null) firstBin = e.getKey();
            cum += e.getValue();
            inCut += e.getValue();
            if (cum * 10 >= d * n) { // decile d is full: it ends in this bin, and so may the following ones
                int last = d;
                while (last < 10 && cum * 10 >= (last + 1) * n) last++;
                out.add(new Cut(d, last, firstBin, e.getKey(), inCut));
                d = last + 1;
                inCut = 0;
                firstBin = null;
            }
        }
        return out;
    }

    /** @return persons per bin (bins with persons) */
    NavigableMap<Integer, Long> persons() {
        TreeMap<Integer, Long> m = new TreeMap<>();
        bins.forEach((k, v) -> m.put(k, v[0]));
        return m;
    }

    /** @return the deciles of the persons with a wage */
    public List<Cut> cuts() {
        return cut(persons());
    }

    /** @return the persons without a wage */
    public long noWage() {
        return noWage[0];
    }

    /** @return the deciles as JSON: how exact they are, and per decile its wages, persons, share, annual cost per payer and contributions */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resolution", RESOLUTION);
        long total = 0;
        for (long[] v : bins.values()) total += v[0];
        List<Object> ds = new ArrayList<>();
        for (Cut c : cuts()) {
            long[] sum = new long[CELLS];
            for (long[] v : bins.subMap(c.firstBin(), true, c.lastBin(), true).values()) {
                for (int i = 0; i < CELLS; i++) sum[i] = Math.addExact(sum[i], v[i]);
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("deciles", c.first() == c.last() ? String.valueOf(c.first()) : c.first() + "-" + c.last());
            x.put("wageFrom", c.from());
            x.put("wageTo", c.to());
            x.put("persons", c.persons());
            x.put("shareOfPersonsWithWage", c.share(total));
            x.put("annualCostByPayer", costs(sum));
            x.put("contributionsLast12Months", sum[CONTRIBUTIONS]);
            ds.add(x);
        }
        m.put("deciles", ds);
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("persons", noWage[0]);
        none.put("annualCostByPayer", costs(noWage));
        none.put("contributionsLast12Months", noWage[CONTRIBUTIONS]);
        m.put("noWage", none);
        return m;
    }

    private static Map<String, Object> costs(long[] cells) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Payer p : Payer.values()) m.put(p.name(), cells[1 + p.ordinal()]);
        return m;
    }
}
