package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoPlanTests {
    @Test
    void theStandardRulesHaveNoProblem() {
        MemoPlan plan = MemoPlan.of(RuleBase.standardDrl());
        for (Class<?> c : MemoPlan.KEYED.values()) {
            System.out.println(c.getSimpleName() + " " + plan.properties(c) + " thresholds " + plan.thresholds(c));
        }
        System.out.println("coverage of span " + plan.coverageOfSpan());
        assertThat(plan.problems()).isEmpty();
    }
}
