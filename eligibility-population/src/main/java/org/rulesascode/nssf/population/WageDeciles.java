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
 * When rows carry weights, the deciles are those of the weighted persons (the population the sample stands for): a
 * decile holds about a tenth of the sum of the weights, and its share is of that sum. Not thread-safe.
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
    /** The number of bins: {@link #bin} gives 0 to {@code BINS - 1}. */
    public static final int BINS = OPEN_BIN + 1;
    /** The bin resolution, in words, for summaries and the report. */
    public static final String RESOLUTION = "decile boundaries fall on bin edges: bins of 10,000 riel below 10,000,000 riel, "
            + "of 1,000,000 riel up to 999,999,999, one bin from 1,000,000,000; a bin is never split, so each decile's actual share "
            + "of the persons with a wage is shown; with row weights, deciles and shares are of the weighted persons";

    /** Per bin: persons, annual cost per payer ({@link Payer} order), contributions of the last 12 months. */
    private final long[][] bins = new long[BINS][];
    /** Per bin: the same sums weighted (Σ weight × value; a row without a weight weighs 1). */
    private final Weighted[] weightedBins = new Weighted[BINS];
    private final Weighted weightedNoWage = new Weighted(CELLS);
    /** Rows with a weight seen. */
    private long weightedRows;
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

    /**
     * @param annualValue   the person's annual value per payer ({@link Payer} order)
     * @param contributions the person's contributions of the last 12 months
     */
    void add(PersonResult p, long[] annualValue, long contributions) {
        long[] c;
        Weighted w;
        if (p.wage() == null) {
            c = noWage;
            w = weightedNoWage;
        } else {
            int bin = bin(p.wage());
            c = bins[bin];
            if (c == null) {
                c = bins[bin] = new long[CELLS];
                weightedBins[bin] = new Weighted(CELLS);
            }
            w = weightedBins[bin];
        }
        BigDecimal weight = p.weight();
        if (weight != null) weightedRows++;
        c[0]++;
        w.count(0, weight);
        for (int i = 0; i < annualValue.length; i++) {
            c[1 + i] = Math.addExact(c[1 + i], annualValue[i]);
            w.add(1 + i, annualValue[i], weight);
        }
        c[CONTRIBUTIONS] = Math.addExact(c[CONTRIBUTIONS], contributions);
        w.add(CONTRIBUTIONS, contributions, weight);
    }

    void merge(WageDeciles o) {
        for (int b = 0; b < BINS; b++) {
            long[] v = o.bins[b];
            if (v == null) continue;
            if (bins[b] == null) {
                bins[b] = new long[CELLS];
                weightedBins[b] = new Weighted(CELLS);
            }
            for (int i = 0; i < CELLS; i++) bins[b][i] = Math.addExact(bins[b][i], v[i]);
            weightedBins[b].merge(o.weightedBins[b]);
        }
        for (int i = 0; i < CELLS; i++) noWage[i] = Math.addExact(noWage[i], o.noWage[i]);
        weightedNoWage.merge(o.weightedNoWage);
        weightedRows = Math.addExact(weightedRows, o.weightedRows);
    }

    /**
     * A decile (or several, when one bin holds the end of each) cut from the histogram.
     *
     * @param first    the first decile, 1 to 10
     * @param last     the last decile, {@code first} to 10
     * @param firstBin the first bin
     * @param lastBin  the last bin
     * @param persons  persons in these bins (weighted: the sum of their weights)
     */
    public record Cut(int first, int last, int firstBin, int lastBin, BigDecimal persons) implements Serializable {
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
        public String share(BigDecimal total) {
            return total.signum() == 0 ? "0.0 %" : persons.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP).toPlainString() + " %";
        }

        /**
         * @param weighted the persons are weighted
         * @return e.g. "decile 1: 0 to 419,999 riel, 10.2 % of persons with a wage" ("…, weighted" when weighted)
         */
        public String label(BigDecimal total, boolean weighted) {
            return name() + ": " + String.format(Locale.ROOT, "%,d", from()) + (to() == null ? " riel and over" : String.format(Locale.ROOT, " to %,d riel", to()))
                    + ", " + share(total) + " of persons with a wage" + (weighted ? ", weighted" : "");
        }
    }

    /**
     * Cuts deciles from persons per bin (see the class comment).
     *
     * @param persons persons per bin (or the sum of their weights), only bins with persons
     * @return the cuts in wage order, covering deciles 1 to 10 once each; empty when nobody has a wage
     */
    public static List<Cut> cut(NavigableMap<Integer, BigDecimal> persons) {
        BigDecimal n = BigDecimal.ZERO;
        for (BigDecimal x : persons.values()) n = n.add(x);
        List<Cut> out = new ArrayList<>();
        if (n.signum() == 0) return out;
        int d = 1;
        BigDecimal cum = BigDecimal.ZERO;
        BigDecimal inCut = BigDecimal.ZERO;
        Integer firstBin = null;
        for (Map.Entry<Integer, BigDecimal> e : persons.entrySet()) {
            if (e.getValue().signum() == 0) continue;
            if (firstBin == null) firstBin = e.getKey();
            cum = cum.add(e.getValue());
            inCut = inCut.add(e.getValue());
            BigDecimal tenfold = cum.multiply(BigDecimal.TEN);
            if (tenfold.compareTo(n.multiply(BigDecimal.valueOf(d))) >= 0) { // decile d is full: it ends in this bin, and so may the following ones
                int last = d;
                while (last < 10 && tenfold.compareTo(n.multiply(BigDecimal.valueOf(last + 1))) >= 0) last++;
                out.add(new Cut(d, last, firstBin, e.getKey(), inCut));
                d = last + 1;
                inCut = BigDecimal.ZERO;
                firstBin = null;
            }
        }
        return out;
    }

    /** @return persons per bin (bins with persons), weighted when a row of the bin carries a weight */
    NavigableMap<Integer, BigDecimal> persons() {
        TreeMap<Integer, BigDecimal> m = new TreeMap<>();
        for (int b = 0; b < BINS; b++) if (weightedBins[b] != null) m.put(b, weightedBins[b].get(0));
        return m;
    }

    /** @return true when a row carried a weight: the deciles are then of weighted persons */
    public boolean weighted() {
        return weightedRows > 0;
    }

    /** @return the deciles of the persons with a wage (weighted when rows carry weights) */
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
        NavigableMap<Integer, BigDecimal> persons = persons();
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : persons.values()) total = total.add(v);
        boolean w = weighted();
        List<Object> ds = new ArrayList<>();
        for (Cut c : cut(persons)) {
            long[] sum = new long[CELLS];
            Weighted ws = new Weighted(CELLS);
            for (int b = c.firstBin(); b <= c.lastBin(); b++) {
                if (bins[b] == null) continue;
                for (int i = 0; i < CELLS; i++) sum[i] = Math.addExact(sum[i], bins[b][i]);
                ws.merge(weightedBins[b]);
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("deciles", c.first() == c.last() ? String.valueOf(c.first()) : c.first() + "-" + c.last());
            x.put("wageFrom", c.from());
            x.put("wageTo", c.to());
            x.put("persons", sum[0]);
            x.put("shareOfPersonsWithWage", c.share(total));
            x.put("annualCostByPayer", costs(sum));
            x.put("contributionsLast12Months", sum[CONTRIBUTIONS]);
            if (w) x.put("weighted", weightedMap(ws));
            ds.add(x);
        }
        m.put("deciles", ds);
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("persons", noWage[0]);
        none.put("annualCostByPayer", costs(noWage));
        none.put("contributionsLast12Months", noWage[CONTRIBUTIONS]);
        if (w) none.put("weighted", weightedMap(weightedNoWage));
        m.put("noWage", none);
        return m;
    }

    private static Map<String, Object> weightedMap(Weighted ws) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("persons", ws.rounded(0));
        Map<String, Object> cost = new LinkedHashMap<>();
        for (Payer p : Payer.values()) cost.put(p.name(), ws.rounded(1 + p.ordinal()));
        m.put("annualCostByPayer", cost);
        m.put("contributionsLast12Months", ws.rounded(CONTRIBUTIONS));
        return m;
    }

    private static Map<String, Object> costs(long[] cells) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Payer p : Payer.values()) m.put(p.name(), cells[1 + p.ordinal()]);
        return m;
    }
}
