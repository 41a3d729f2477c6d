package org.rulesascode.nssf.eligibility;

/** The outcome of a {@link Decision}. Coverage decisions ({@link Benefit#COVERAGE}) use COVERED, NOT_COVERED
 * and NOT_IN_FORCE; benefit decisions use ELIGIBLE, NOT_ELIGIBLE, NOT_IN_FORCE and NEEDS_INFORMATION. */
public enum Outcome {
    /** The person is in the scheme on the as-of date. */
    COVERED,
    /** The scheme is in force but does not cover this person on the as-of date. */
    NOT_COVERED,
    /** The person is entitled to the benefit. */
    ELIGIBLE,
    /** The person is not entitled; at least one reason has status NOT_MET. */
    NOT_ELIGIBLE,
    /** The provision did not exist on the date the law looks at: never a zero amount. */
    NOT_IN_FORCE,
    /** A fact the law needs is missing from the profile; the reasons with status UNKNOWN name it. */
    NEEDS_INFORMATION
}
