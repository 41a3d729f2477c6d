package org.rulesascode.nssf.cli.population;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/** A one-line progress bar on a terminal: fraction done, rows, rows per second. Prints at most twice a second. */
public final class Progress {
    private static final int WIDTH = 30;
    private static final long EVERY_NS = 500_000_000L;

    private final PrintWriter err;
    private final DoubleSupplier fraction;
    private final long start = System.nanoTime();
    private long last;
    private boolean shown;

    /**
     * @param err      where to draw (stderr), or null for no bar
     * @param fraction the fraction done, 0 to 1, or null when unknown
     */
    public Progress(PrintWriter err, DoubleSupplier fraction) {
        this.err = err;
        this.fraction = fraction;
    }

    /** Redraws if enough time has passed. */
    public void update(long rows) {
        if (err == null) return;
        long now = System.nanoTime();
        if (now - last < EVERY_NS) return;
        last = now;
        draw(rows, now);
    }

    private void draw(long rows, long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String bar = "";
        if (fraction != null) {
            double f = Math.max(0, Math.min(1, fraction.getAsDouble()));
            int full = (int) Math.round(f * WIDTH);
            bar = String.format(Locale.ROOT, "%3.0f%% [%s%s] ", f * 100, "#".repeat(full), ".".repeat(WIDTH - full));
        }
        err.printf(Locale.ROOT, "\r%s%,d rows, %,.0f rows/s   ", bar, rows, rows / seconds);
        err.flush();
        shown = true;
    }

    /** Draws the final state and ends the line. */
    public void done(long rows) {
        if (err == null) return;
        draw(rows, System.nanoTime());
        if (shown) err.println();
        err.flush();
    }
}
