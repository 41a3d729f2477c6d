package org.rulesascode.nssf.eligibility;

/** What a {@link ComplianceFinding} is about: what unions check first. */
public enum ComplianceIssue {
    /** The declared wage is below the legal minimum wage of the worker's sector for the month. */
    WAGE_BELOW_MINIMUM,
    /** Months of employment in which the contributions were not paid. */
    UNPAID_CONTRIBUTIONS,
    /** The worker was registered with NSSF later than the law allows. */
    LATE_REGISTRATION
}
