package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.testkit.Property;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reforms over a few hundred seeded profiles (the generators of the property tests): an empty reform changes
 * nothing, and the 2,000,000 pension-ceiling reform changes only the pension lines it should. Run with
 * {@code -Dnssf.seed=N} to try other cases; the seed is printed on failure.
 */
class ReformProperties {
    static final int CASES = 300;

    /**
     * Reform.none() and a YAML reform without parameters: every assessment (decisions with their reasons,
     * contribution lines, compliance findings, rule-set version) equals the baseline's. An empty reform keeps the
     * baseline's version by design: it assesses with the same rules and parameters.
     */
    @Test
    void emptyReforms_giveTheBaselinesAssessments() {
        EligibilityEngine none = Assessments.ENGINE.withReform(Reform.none());
        EligibilityEngine emptyYaml = Assessments.ENGINE.withReform(NssfReforms.parse("empty.yaml", """
                name: "Nothing"
                description: "A reform that changes nothing."
                parameters:
                """, null, false));
        Property.forAll("empty reform changes nothing", Property.seed(), CASES, ContributionProperties.PROFILES, c -> {
            Assessment baseline = Assessments.of(c);
            assertThat(none.assess(c.request())).isEqualTo(baseline);
            assertThat(emptyYaml.assess(c.request())).isEqualTo(baseline);
            return true;
        });
    }

    /**
     * The ceiling reform (2,000,000 riel from 2027-01-01) touches only pension lines of months from 2027-01 whose
     * declared wage is above the standard ceiling of 1,200,000 (the contributable wage is
     * min(max(wage, floor), ceiling), so a wage at or below 1,200,000 gives the same base under both ceilings).
     * Such a line's base is min(wage, 2,000,000) instead of 1,200,000. Every other line is the baseline's, and the
     * reformed version differs from the baseline's.
     */
    @Test
    void ceilingReform_changesOnlyPensionLinesFrom2027AboveTheOldCeiling() {
        EligibilityEngine reformed = Assessments.ENGINE.withReform(ReformTests.ceiling());
        int[] changed = {0};
        Property.forAll("ceiling reform confined", Property.seed(), CASES, ContributionProperties.PROFILES, c -> {
            Assessment baseline = Assessments.of(c);
            Assessment r = reformed.assess(c.request());
            assertThat(r.ruleSetVersion()).isNotEqualTo(baseline.ruleSetVersion());
            List<ContributionLine> b = baseline.contributions();
            List<ContributionLine> a = r.contributions();
            assertThat(a).hasSameSizeAs(b);
            for (int i = 0; i < a.size(); i++) {
                ContributionLine x = b.get(i);
                ContributionLine y = a.get(i);
                assertThat(y.month()).isEqualTo(x.month());
                assertThat(y.scheme()).isEqualTo(x.scheme());
                Predicate<ContributionLine> touched = l -> l.scheme() == Scheme.PENSION && !l.month().isBefore(YearMonth.of(2027, 1))
                        && l.contributableWage() == 1_200_000L;
                if (touched.test(x) && y.contributableWage() != x.contributableWage()) {
                    changed[0]++;
                    assertThat(y.contributableWage()).as("base of %s", y.month()).isBetween(1_200_001L, 2_000_000L);
                    assertThat(y.rate()).isEqualByComparingTo(x.rate());
                } else {
                    assertThat(y.contributableWage()).as("base of %s %s", y.scheme(), y.month()).isEqualTo(x.contributableWage());
                    assertThat(y.employer()).isEqualTo(x.employer());
                    assertThat(y.worker()).isEqualTo(x.worker());
                }
            }
            return true;
        });
        assertThat(changed[0]).as("lines the reform changed (the generators must reach them)").isPositive();
    }
}
