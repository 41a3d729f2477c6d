package org.rulesascode.nssf.population;

import java.util.List;

/**
 * Receives the per-worker results of a run or a comparison, <b>in input order</b>, on the thread that called the
 * runner (never concurrently). Every row reaches the sink exactly once: as a result or as a rejection. The methods
 * do nothing by default: implement those you need (write a file, collect a list, send to a queue).
 */
public interface ResultSink {
    /** A sink that keeps nothing (when only the summary is wanted). */
    ResultSink NONE = new ResultSink() { };

    /** One row of a run, assessed. */
    default void assessed(PersonResult result) {
    }

    /**
     * One row of a comparison, assessed with both engines.
     *
     * @param flips what changes for this worker (empty when nothing does), with the rules and parameters that caused it
     */
    default void compared(PersonResult baseline, PersonResult reform, List<Comparison.Flip> flips) {
    }

    /** One row rejected: it could not be read or assessed. */
    default void rejected(RowError error) {
    }
}
