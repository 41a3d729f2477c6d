/** The public API of the NSSF eligibility library: profiles in, explained assessments out. No Drools here. */
module org.rulesascode.nssf.eligibility {
    exports org.rulesascode.nssf.eligibility;
    uses org.rulesascode.nssf.eligibility.EligibilityEngine;
}
