package org.rulesascode.nssf.eligibility;

/** How sure the rules reference is of a parameter value, or, for a value set by a {@link Reform}, that it is one. */
public enum Confidence {
    /** Confirmed by a primary text or several independent sources. */
    CONFIRMED,
    /** One secondary source, plausible, not contradicted. */
    SECONDARY,
    /** Uncertain: the best candidate value, used and flagged in every decision that depends on it. */
    PROVISIONAL,
    /**
     * Not law: a value set by a {@link Reform} (a what-if), as its author proposes it. A reform value marked
     * illustrative is {@link #PROVISIONAL} instead. The {@link ParameterUse#source() source} names the reform.
     */
    REFORM
}
