package org.rulesascode.nssf.eligibility;

/** Whether one legal criterion of a decision holds. */
public enum CriterionStatus {
    /** The criterion holds. */
    MET,
    /** The criterion fails; the reason says by how much where that is a number. */
    NOT_MET,
    /** The profile lacks a fact needed to decide, or the law itself is not known (the message says which). */
    UNKNOWN
}
