package org.rulesascode.nssf.testkit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.random.RandomGenerator;

/** Small drawing and date helpers shared by the generators. */
final class Draw {
    private Draw() { }

    /** @return an index drawn with the given weights */
    static int pick(RandomGenerator r, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        throw new AssertionError("unreachable");
    }

    /** A day in [lo, hi]: {@code anchor} when it is inside, otherwise uniform; null when the range is empty. */
    static LocalDate date(RandomGenerator r, LocalDate lo, LocalDate hi, LocalDate anchor) {
        if (hi.isBefore(lo)) return null;
        if (anchor != null && !anchor.isBefore(lo) && !anchor.isAfter(hi)) return anchor;
        return Gen.dates(lo, hi).next(r);
    }

    static LocalDate clamp(LocalDate d, LocalDate lo, LocalDate hi) {
        return d.isBefore(lo) ? lo : d.isAfter(hi) ? hi : d;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    /** @return the number of months from {@code a} to {@code b} (negative when b is before a) */
    static long monthsBetween(YearMonth a, YearMonth b) {
        return (b.getYear() * 12L + b.getMonthValue()) - (a.getYear() * 12L + a.getMonthValue());
    }
}
