package org.rulesascode.nssf.population;

import java.util.Iterator;

/**
 * A stream of {@link Row}s, read by one thread, that may hold a file open: close it when done (try-with-resources).
 * Made by the factories of {@link Population}.
 */
public interface RowSource extends Iterator<Row>, AutoCloseable {
    /** @return the fraction of the input read so far, 0 to 1, or NaN when the size is not known */
    default double fractionRead() {
        return Double.NaN;
    }

    /** Releases the input (a file); does nothing for inputs held in memory. */
    @Override
    default void close() {
    }
}
