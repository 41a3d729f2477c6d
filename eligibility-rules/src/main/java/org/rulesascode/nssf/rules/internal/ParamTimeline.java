package org.rulesascode.nssf.rules.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameter tree cut into intervals in which no parameter changes, with one {@link Params} per interval,
 * and the months at which a contribution month's parameters (read on the month's first day) change.
 * Immutable and thread-safe.
 */
public final class ParamTimeline {
    private final LocalDate[] starts;
    private final Params[] snapshots;
    private final int[] changeMonths;
    private final long[] ageThresholds;
    /** The years whose months' first days {@link #at} answers from a table (every span and as-of month in practice). */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;
    /** The parameters in force on the first day of each month of those years, by month from January {@link #FIRST_YEAR}. */
    private final Params[] monthStarts;

    public ParamTimeline(ParameterTree tree) {
        TreeSet<LocalDate> dates = new TreeSet<>(tree.changeDates());
        dates.add(LocalDate.MIN);
        starts = dates.toArray(new LocalDate[0]);
        snapshots = new Params[starts.length];
        for (int i = 0; i < starts.length; i++) snapshots[i] = new Params(starts[i], tree);
        changeMonths = changeMonths(tree.changeDates());
        TreeSet<Long> ages = new TreeSet<>();
        for (String id : List.of(Params.PENSION_AGE_LIMIT, Params.VHC_MAX_JOIN_AGE)) {
            if (!tree.contains(id)) continue;
            for (Parameter.Entry e : tree.get(id).entries()) if (e.value() != null) ages.add(e.decimal().longValueExact());
        }
        ageThresholds = ages.stream().mapToLong(Long::longValue).toArray();
        monthStarts = new Params[(LAST_YEAR - FIRST_YEAR + 1) * 12];
        for (int i = 0; i < monthStarts.length; i++) monthStarts[i] = search(LocalDate.of(FIRST_YEAR + i / 12, i % 12 + 1, 1));
    }

    /** @return the parameters in force on {@code date} */
    public Params at(LocalDate date) {
        if (date.getDayOfMonth() == 1 && date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
            return monthStarts[(date.getYear() - FIRST_YEAR) * 12 + date.getMonthValue() - 1];
        }
        Last last = this.last;
        if (last != null && last.date().equals(date)) return last.params();
        Params p = search(date);
        this.last = new Last(date, p);
        return p;
    }

    /** The last date answered by search (a population's as-of date, asked for every worker), with its snapshot. */
    private record Last(LocalDate date, Params params) { }
    private volatile Last last;

    /** @return the parameters in force on {@code date}, by binary search over the change dates */
    private Params search(LocalDate date) {
        int lo = 0, hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid].isAfter(date)) hi = mid - 1; else lo = mid;
        }
        return snapshots[lo];
    }

    /** @return month index (year × 12 + month − 1) */
    public static int index(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    public static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** @return month indexes at which contribution parameters change, ascending */
    public int[] changeMonths() { return changeMonths; }

    /**
     * @return the month indexes from which some of these parameters may hold another value: the month of a change
     * on the first of a month, else the next month (months are judged on their first day), ascending
     */
    public static int[] changeMonths(ParameterTree tree, Collection<String> ids) {
        Set<LocalDate> dates = new TreeSet<>();
        for (String id : ids) for (Parameter.Entry e : tree.get(id).entries()) dates.add(e.from());
        return changeMonths(dates);
    }

    private static int[] changeMonths(Collection<LocalDate> dates) {
        TreeSet<Integer> months = new TreeSet<>();
        for (LocalDate d : dates) {
            YearMonth m = YearMonth.from(d);
            months.add(index(d.getDayOfMonth() == 1 ? m : m.plusMonths(1)));
        }
        return months.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return every age at which some rule's treatment of a person changes, ascending */
    public long[] ageThresholds() { return ageThresholds; }

    /** @return every snapshot, for lint and sweep tests */
    public List<Params> snapshots() {
        return new ArrayList<>(List.of(snapshots));
    }
}
