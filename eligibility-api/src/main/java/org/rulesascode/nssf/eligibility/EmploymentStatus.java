package org.rulesascode.nssf.eligibility;

/** How the person works; it decides which schemes can cover her. */
public enum EmploymentStatus {
    /** A person defined by the provisions of the Labour Law, working for an employer (written or oral contract). */
    EMPLOYEE,
    /** A civil servant or contract staff of the State (Royal Kret NS/RKT/0217/078, Sub-decree 134). */
    PUBLIC_EMPLOYEE,
    /** Works on her own account, employs nobody (voluntary health care, Sub-decree 280). */
    SELF_EMPLOYED,
    /** An informal worker registered with NSSF by an employer (Prakas 404): Health Equity Fund care and the State childbirth allowance. */
    INFORMAL
}
