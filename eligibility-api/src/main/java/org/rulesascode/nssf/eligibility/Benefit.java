package org.rulesascode.nssf.eligibility;

/** What a {@link Decision} is about. */
public enum Benefit {
    /** Whether the person is covered by (registered in) the scheme on the as-of date. */
    COVERAGE
}
