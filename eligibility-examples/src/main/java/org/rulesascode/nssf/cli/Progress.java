package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.rulesascode.nssf.population.PopulationRunner;

/**
 * A one-line progress bar on a terminal for {@code run} and {@code compare}: a phase line while the engine is being
 * built, then the fraction of the file read, the rows done, rows per second and an estimate of the time left (from
 * the fraction read and the time spent since the first row). Prints at most twice a second; draws nothing when
 * {@code err} is null (not a terminal).
 */
final class Progress implements PopulationRunner.Progress {
    private static final int WIDTH = 30;
    private static final long EVERY_NS = 500_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long start;
    private long last;
    private boolean shown;

    /** @param err where to draw (stderr on a terminal), or null for no bar */
    Progress(PrintWriter err) {
        this(err, System::nanoTime);
    }

    /** @param clock nanoseconds (a test's own clock) */
    Progress(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Says what is happening before the first row (building the engine takes seconds). */
    void phase(String text) {
        if (err == null) return;
        err.print("\r" + text + "…" + " ".repeat(20));
        err.flush();
        shown = true;
    }

    /** Starts the clock of the rows: the estimate of time left counts from here. */
    void rowsStart() {
        start = clock.getAsLong();
    }

    @Override
    public void update(long rows, double fractionRead) {
        if (err == null) return;
        long now = clock.getAsLong();
        if (now - last < EVERY_NS) return;
        last = now;
        err.print(line(rows, fractionRead, now - start));
        err.flush();
        shown = true;
    }

    /** @return the bar for {@code rows} done, {@code fraction} of the input read, after {@code elapsedNanos} */
    static String line(long rows, double fraction, long elapsedNanos) {
        double seconds = Math.max(1e-9, elapsedNanos / 1e9);
        StringBuilder sb = new StringBuilder("\r");
        if (!Double.isNaN(fraction)) {
            double f = Math.max(0, Math.min(1, fraction));
            int full = (int) Math.round(f * WIDTH);
            sb.append(String.format(Locale.ROOT, "%3.0f%% [%s%s] ", f * 100, "#".repeat(full), ".".repeat(WIDTH - full)));
        }
        sb.append(String.format(Locale.ROOT, "%,d row%s, %,.0f rows/s", rows, rows == 1 ? "" : "s", rows / seconds));
        if (!Double.isNaN(fraction) && fraction > 0.001 && fraction < 1) {
            sb.append(", about ").append(duration(seconds * (1 - fraction) / fraction)).append(" left");
        }
        return sb.append("   ").toString();
    }

    /** @return 45 s, 3 min 20 s, 1 h 05 min */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Draws the final state and ends the line. */
    void done(long rows) {
        if (err == null) return;
        err.print(line(rows, Double.NaN, clock.getAsLong() - start));
        if (shown) err.println();
        err.flush();
    }
}
