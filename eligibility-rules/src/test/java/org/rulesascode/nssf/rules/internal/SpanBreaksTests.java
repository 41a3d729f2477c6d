package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.WorkerProfiles;
import org.rulesascode.nssf.testkit.Property;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine cuts a history into spans only where a parameter of a rule on spans changes. This is a shortcut: the
 * reference engine cuts at every parameter change. Over generated profiles, with and without life events, both must
 * give the same assessment, decision for decision and line for line.
 */
class SpanBreaksTests {
    static final int CASES = 400;

    @Test
    void spansCutOnlyAtChangesOfSpanRuleParametersGiveTheSameAssessments() {
        RuleSet rules = RuleSet.standard();
        Assessor fast = new Assessor(rules);
        Assessor reference = new Assessor(rules, true, true);
        check("plain profiles", WorkerProfiles.any().arbitrary(), fast, reference);
        check("profiles with events", WorkerProfiles.any().withLifeEvents().arbitrary(), fast, reference);
        assertThat(ParamTimeline.changeMonths(rules.parameters(), rules.rules().spanParameters()).length)
                .as("fewer cuts than parameter changes, else the shortcut is pointless")
                .isLessThan(rules.timeline().changeMonths().length);
    }

    private static void check(String name, Arbitrary<ProfileCase> cases, Assessor fast, Assessor reference) {
        Property.forAll("span cuts: " + name, Property.seed(), CASES, cases, c -> {
            Assessment a = fast.assess(c.request(), Locale.ENGLISH);
            Assessment b = reference.assess(c.request(), Locale.ENGLISH);
            assertThat(a).isEqualTo(b);
            return true;
        });
    }

    @Test
    void benefitParametersDoNotCutSpansButContributionParametersDo() {
        Set<String> span = RuleSet.standard().rules().spanParameters();
        assertThat(span).contains("pension.contributable_wage.ceiling", "health_care.assumed_wage", "registration.min_enterprise_workers")
                .doesNotContain("health_care.childbirth_allowance.amount", "health_care.maternity.qualifying_months");
    }
}
