/**
 * The NSSF eligibility testkit: seeded generators of worker profiles (on {@link java.util.random.RandomGenerator})
 * with domain shrinking, and a catalogue of invariants to run against any
 * {@link org.rulesascode.nssf.eligibility.EligibilityEngine}. JUnit 5 is optional: only
 * {@code Invariants.dynamicTests} needs it.
 */
module org.rulesascode.nssf.testkit {
    requires transitive org.rulesascode.nssf.eligibility;
    requires static org.junit.jupiter.api;

    exports org.rulesascode.nssf.testkit;
    exports org.rulesascode.nssf.testkit.invariants;
}
