package org.rulesascode.nssf.eligibility;

/** How sure the rules reference is of a parameter value. */
public enum Confidence {
    /** Confirmed by a primary text or several independent sources. */
    CONFIRMED,
    /** One secondary source, plausible, not contradicted. */
    SECONDARY,
    /** Uncertain: the best candidate value, used and flagged in every decision that depends on it. */
    PROVISIONAL
}
