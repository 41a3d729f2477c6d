package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The contribution history as the rules computed it, month by month and scheme by scheme: whether a contribution
 * was due, whether it was paid, the declared wage and the contributable wage. Built once per assessment from the
 * contribution findings; immutable afterwards. Month indexes as {@link ParamTimeline#index}.
 */
public final class HistoryIndex {
    /** One scheme's months. */
    private static final class Track {
        final boolean[] due;
        final boolean[] paid;
        final long[] declared;
        final long[] base;

        Track(int size) {
            due = new boolean[size];
            paid = new boolean[size];
            declared = new long[size];
            base = new long[size];
        }
    }

    static final HistoryIndex EMPTY = new HistoryIndex(0, 0);
    private final int first;
    private final int size;
    private final Map<Scheme, Track> tracks = new EnumMap<>(Scheme.class);

    HistoryIndex(int first, int size) {
        this.first = first;
        this.size = size;
    }

    void add(Scheme scheme, int month, boolean paid, long declared, long base) {
        Track t = tracks.computeIfAbsent(scheme, k -> new Track(size));
        int i = month - first;
        t.due[i] = true;
        t.paid[i] = paid;
        t.declared[i] = declared;
        t.base[i] = base;
    }

    private boolean paid(Track t, int month) {
        int i = month - first;
        return i >= 0 && i < size && t.paid[i];
    }

    /** @return consecutive paid months of the scheme ending with the month before {@code month} */
    public int paidRunBefore(Scheme scheme, int month) {
        Track t = tracks.get(scheme);
        if (t == null) return 0;
        int n = 0;
        for (int m = month - 1; paid(t, m); m--) n++;
        return n;
    }

    /** @return paid months of the scheme among the {@code window} months before {@code month} */
    public int paidInWindowBefore(Scheme scheme, int month, int window) {
        Track t = tracks.get(scheme);
        if (t == null) return 0;
        int n = 0;
        for (int m = month - window; m < month; m++) if (paid(t, m)) n++;
        return n;
    }

    /** @return all paid months of the scheme before {@code month} */
    public int paidBefore(Scheme scheme, int month) {
        return paidInWindowBefore(scheme, month, Math.max(0, month - first));
    }

    /**
     * @return the average declared wage over the months of the scheme with a contribution due among the
     *         {@code window} months before {@code month} (the actual period if shorter), or null when there is none
     */
    public BigDecimal averageDeclaredBefore(Scheme scheme, int month, int window) {
        Track t = tracks.get(scheme);
        return t == null ? null : average(t, t.declared, month, window);
    }

    /**
     * @return the average contributable wage (assumed or clamped wage) over the months of the scheme with a
     *         contribution due among the {@code window} months before {@code month}, or null when there is none
     */
    public BigDecimal averageBaseBefore(Scheme scheme, int month, int window) {
        Track t = tracks.get(scheme);
        return t == null ? null : average(t, t.base, month, window);
    }

    private BigDecimal average(Track t, long[] values, int month, int window) {
        long sum = 0;
        int n = 0;
        for (int m = month - window; m < month; m++) {
            int i = m - first;
            if (i >= 0 && i < size && t.due[i]) {
                sum = Math.addExact(sum, values[i]);
                n++;
            }
        }
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** @return the number of months with a contribution due among the {@code window} months before {@code month} */
    public int dueInWindowBefore(Scheme scheme, int month, int window) {
        Track t = tracks.get(scheme);
        if (t == null) return 0;
        int n = 0;
        for (int m = month - window; m < month; m++) {
            int i = m - first;
            if (i >= 0 && i < size && t.due[i]) n++;
        }
        return n;
    }
}
