package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.rules.internal.RuleInfo;
import org.rulesascode.nssf.rules.internal.RuleSet;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.RuleCoverage;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule coverage lint (design.md §5): every rule must have been seen to apply and to not apply, over the YAML
 * cases and a fixed-seed generated population (the property suites' own: {@link ContributionProperties#COVERAGE_CASES}
 * workers of every kind and {@link BenefitProperties#CASES} workers with life events). A rule applies in an assessment
 * when its id is among the reasons of a decision, the rule id of a line or of a compliance finding; it does not apply
 * when a decision of its scheme and benefit exists (for scheme ALL: in every assessment) and it is absent
 * ({@link RuleCoverage}). The build fails listing the rules and their counts. Exceptions, each with its reason: the
 * rules no profile can reach ({@link CaseTests#UNREACHABLE_RULES}) and {@link #ALWAYS_APPLY}.
 */
class RuleCoverageTests {

    /**
     * Rules that apply, by construction, whenever their scheme and benefit are judged, so that no input can show them
     * not applying. Keep it short: where a case can show a rule not applying, write the case instead.
     */
    static final Map<String, String> ALWAYS_APPLY = Map.of(
            "UNE-COV-00", "unemployment is not in force on any date: its one coverage rule gives NOT_IN_FORCE to every request",
            "UNE-BEN-00", "the same for the unemployment benefit: its only decision is the NOT_IN_FORCE this rule gives");

    static RuleCoverage coverage() {
        List<RuleCoverage.Rule> rules = new ArrayList<>();
        for (RuleInfo r : RuleSet.standard().rules().rules().values()) rules.add(new RuleCoverage.Rule(r.id(), r.scheme(), r.benefit()));
        RuleCoverage coverage = new RuleCoverage(rules);
        for (List<CaseTests.Case> cases : CaseTests.loadAll().values()) {
            for (CaseTests.Case c : cases) {
                if (c.disabled() == null) coverage.add(Assessments.of(new AssessmentRequest(c.profile(), c.asOf(), c.schemes())));
            }
        }
        long seed = Property.seed();
        for (ProfileCase c : WorkerProfiles.any().sample(seed, ContributionProperties.COVERAGE_CASES)) coverage.add(Assessments.of(c));
        for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(seed, BenefitProperties.CASES)) coverage.add(Assessments.of(c));
        return coverage;
    }

    @Test
    void everyRuleIsSeenToApplyAndToNotApply() {
        RuleCoverage coverage = coverage();
        String table = coverage.table();
        System.out.println("[RuleCoverageTests] " + coverage.assessments() + " assessments (YAML cases and generated, seed " + Property.seed() + ")\n" + table);
        List<String> problems = new ArrayList<>();
        for (RuleCoverage.Count c : coverage.counts()) {
            String id = c.rule().id();
            if (CaseTests.UNREACHABLE_RULES.containsKey(id)) {
                if (c.applied() > 0) problems.add(id + " is listed as unreachable but applied " + c.applied() + " times: remove it from CaseTests.UNREACHABLE_RULES");
                continue;
            }
            if (c.applied() == 0) problems.add(id + " never applied (judged without applying " + c.notApplied() + " times)");
            if (ALWAYS_APPLY.containsKey(id)) {
                if (c.notApplied() > 0) problems.add(id + " is listed as always applying but did not apply " + c.notApplied() + " times: remove it from ALWAYS_APPLY");
            } else if (c.notApplied() == 0) {
                problems.add(id + " never seen not to apply (applied " + c.applied() + " times): add a YAML case where its "
                        + c.rule().scheme() + " " + c.rule().benefit() + " is judged and the rule does not apply");
            }
        }
        assertThat(problems).as("rules not exercised both ways (%d assessments)\n%s", coverage.assessments(), table).isEmpty();
        Set<String> unknown = new TreeSet<>(ALWAYS_APPLY.keySet());
        unknown.removeAll(RuleSet.standard().rules().rules().keySet());
        assertThat(unknown).as("ALWAYS_APPLY names rules that are not in the rule base").isEmpty();
    }
}
