package org.rulesascode.nssf.eligibility;

import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Contribution lines held as runs of months: within a run every month has the same lines (the same schemes in the
 * same order, the same wage, rates, shares, rule and parameters), only the month differs. An engine hands these out
 * so that a history of many months costs one line per scheme and run, not one per month; the list is still the whole
 * list, month by month (a line of a later month of a run is made when it is read), equal to and with the same hash as
 * any list of the same lines. Immutable.
 *
 * <p>Population code that sums or compares lines reads the runs ({@link #runsOf}) and does arithmetic per run; any
 * other list of lines gives a run per line there, so such code works on every list.
 */
public final class ContributionLines extends AbstractList<ContributionLine> implements RandomAccess {
    private static final ContributionLines EMPTY = new ContributionLines(new Run[0], new int[] {0});

    /**
     * Months that have the same lines.
     *
     * @param from   the first month
     * @param months how many months, one after another (at least 1)
     * @param lines  the lines of {@code from}, in the list's order (at least one); each later month has the same
     *               lines with its own month
     */
    public record Run(YearMonth from, int months, List<ContributionLine> lines) {
        public Run {
            Objects.requireNonNull(from, "from");
            lines = List.copyOf(lines);
            if (months < 1) throw new IllegalArgumentException("a run of " + months + " months");
            if (lines.isEmpty()) throw new IllegalArgumentException("a run without a line");
            for (ContributionLine l : lines) {
                if (!l.month().equals(from)) throw new IllegalArgumentException("a line of " + l.month() + " in a run from " + from);
            }
        }

        /** @return the last month */
        public YearMonth to() {
            return from.plusMonths(months - 1L);
        }

        /** @return how many lines the run stands for: months × lines a month */
        public long size() {
            return (long) months * lines.size();
        }
    }

    private final Run[] runs;
    /** starts[r]: the index of run r's first line; starts[runs.length] is the size. */
    private final int[] starts;

    private ContributionLines(Run[] runs, int[] starts) {
        this.runs = runs;
        this.starts = starts;
    }

    /**
     * @param runs the runs in the list's order
     * @return the lines of these runs, month by month
     * @throws IllegalArgumentException when the runs stand for more than {@link Integer#MAX_VALUE} lines
     */
    public static ContributionLines of(List<Run> runs) {
        if (runs.isEmpty()) return EMPTY;
        Run[] rs = runs.toArray(new Run[0]);
        int[] starts = new int[rs.length + 1];
        long n = 0;
        for (int r = 0; r < rs.length; r++) {
            starts[r] = (int) n;
            n += Objects.requireNonNull(rs[r], "runs[" + r + "]").size();
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " contribution lines");
        }
        starts[rs.length] = (int) n;
        return new ContributionLines(rs, starts);
    }

    /**
     * @param lines any list of contribution lines
     * @return its runs: this list's own for a {@code ContributionLines}; otherwise one run of one month per line
     */
    public static List<Run> runsOf(List<ContributionLine> lines) {
        if (lines instanceof ContributionLines c) return c.runs();
        List<Run> out = new ArrayList<>(lines.size());
        for (ContributionLine l : lines) out.add(new Run(l.month(), 1, List.of(l)));
        return out;
    }

    /** @return the runs, in order */
    public List<Run> runs() {
        return List.of(runs);
    }

    @Override
    public ContributionLine get(int index) {
        Objects.checkIndex(index, size());
        int lo = 0;
        int hi = runs.length - 1;
        while (lo < hi) { // the last run whose start is at or before index
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        Run r = runs[lo];
        int k = index - starts[lo];
        int perMonth = r.lines.size();
        ContributionLine first = r.lines.get(k % perMonth);
        int month = k / perMonth;
        return month == 0 ? first : atMonth(first, r.from.plusMonths(month));
    }

    @Override
    public int size() {
        return starts[runs.length];
    }

    /** @return the lines in order, run by run (no search per line) */
    @Override
    public java.util.Iterator<ContributionLine> iterator() {
        return new java.util.Iterator<>() {
            private int run;
            private int k; // the index within the run

            @Override
            public boolean hasNext() {
                return run < runs.length;
            }

            @Override
            public ContributionLine next() {
                if (run >= runs.length) throw new java.util.NoSuchElementException();
                Run r = runs[run];
                int perMonth = r.lines.size();
                ContributionLine first = r.lines.get(k % perMonth);
                int month = k / perMonth;
                ContributionLine l = month == 0 ? first : atMonth(first, r.from.plusMonths(month));
                if (++k == starts[run + 1] - starts[run]) {
                    run++;
                    k = 0;
                }
                return l;
            }
        };
    }

    /** @return {@code l} as the line of month {@code m}: every other component the same */
    static ContributionLine atMonth(ContributionLine l, YearMonth m) {
        return new ContributionLine(m, l.scheme(), l.contributableWage(), l.rate(), l.employer(), l.worker(), l.total(), l.paid(),
                l.provisional(), l.ruleId(), l.citations(), l.parameters());
    }
}
