package org.rulesascode.nssf.testkit.invariants;

import org.junit.jupiter.api.DynamicTest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;

import java.util.List;
import java.util.stream.Stream;

/** The only class that touches JUnit, so the rest of the testkit loads without it (JUnit is an optional dependency). */
final class JUnitSupport {
    private JUnitSupport() { }

    static Stream<DynamicTest> dynamicTests(EligibilityEngine engine, Arbitrary<ProfileCase> generator, int count, long seed,
                                            List<? extends Invariant> invariants) {
        List<? extends Invariant> copy = List.copyOf(invariants);
        if (copy.isEmpty()) throw new IllegalArgumentException("no invariant to run");
        return copy.stream().map(inv -> DynamicTest.dynamicTest(inv.name() + ": " + inv.description(),
                () -> InvariantRunner.run(engine, generator, count, seed, List.of(inv)).assertPassed()));
    }
}
