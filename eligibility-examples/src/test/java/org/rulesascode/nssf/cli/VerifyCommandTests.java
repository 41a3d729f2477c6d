package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Scheme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code nssf verify} run in-process: each part, its exit status, its JSON, and the sweep's detection of gaps and overlaps. */
class VerifyCommandTests {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The shipped example profiles (examples/index.txt) and the six built-in sweep profiles of VerifyCommand. */
    static final int EXAMPLES = Examples.all().size();
    static final int SWEPT = EXAMPLES + 6;

    @Test
    void theSweepOfAYearWithoutEventsFindsNothing() {
        NssfCommandTests.Run r = NssfCommandTests.run("verify", "--sweep", "--from", "2024-01", "--to", "2024-12");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(SWEPT + " profiles (the " + EXAMPLES + " examples and 6 built-in)", "every month end from 2024-01 to 2024-12", "no gap, no overlap");
    }

    /** An engine that overlaps on one date and loses a coverage decision on another: the sweep reports both and exits 1. */
    @Test
    void theSweepReportsTheEnginesOverlapsAndMissingCoverageDecisions() throws Exception {
        EligibilityEngine standard = EligibilityEngine.standard();
        EligibilityEngine broken = new EligibilityEngine() {
            @Override
            public Assessment assess(AssessmentRequest request, Locale locale) {
                if (request.asOf().equals(LocalDate.of(2024, 6, 30))) throw new IllegalStateException("rule base overlap: made up for the test");
                Assessment a = standard.assess(request, locale);
                if (!request.asOf().equals(LocalDate.of(2024, 7, 31))) return a;
                List<Decision> ds = new ArrayList<>(a.decisions());
                ds.removeIf(d -> d.scheme() == Scheme.PENSION && d.benefit() == Benefit.COVERAGE);
                return new Assessment(a.profileId(), a.asOf(), a.ruleSetVersion(), ds, a.contributions(), a.compliance());
            }

            @Override
            public String ruleSetVersion() {
                return standard.ruleSetVersion();
            }
        };
        NssfCommandTests.Run r = NssfCommandTests.run(() -> broken, "verify", "--sweep", "--from", "2024-05", "--to", "2024-08", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode problems = JSON.readTree(r.out()).path("sweep").path("problems");
        Set<String> found = new TreeSet<>();
        problems.forEach(p -> found.add(p.path("profile").asText() + " " + p.path("first").asText() + " " + p.path("count").asInt() + " " + p.path("problem").asText()));
        assertThat(found).hasSize(2 * SWEPT).contains("garment-worker-sokha 2024-06-30 1 rule base overlap: made up for the test",
                "garment-worker-sokha 2024-07-31 1 gap: no coverage decision for PENSION");
    }

    /** The same problem of a profile on a run of month ends is one line, with the run. */
    @Test
    void aProblemOnSeveralMonthEndsIsOneLine() {
        EligibilityEngine standard = EligibilityEngine.standard();
        EligibilityEngine noPension = new EligibilityEngine() {
            @Override
            public Assessment assess(AssessmentRequest request, Locale locale) {
                Assessment a = standard.assess(request, locale);
                List<Decision> ds = new ArrayList<>(a.decisions());
                ds.removeIf(d -> d.scheme() == Scheme.PENSION && d.benefit() == Benefit.COVERAGE);
                return new Assessment(a.profileId(), a.asOf(), a.ruleSetVersion(), ds, a.contributions(), a.compliance());
            }

            @Override
            public String ruleSetVersion() {
                return standard.ruleSetVersion();
            }
        };
        NssfCommandTests.Run r = NssfCommandTests.run(() -> noPension, "verify", "--sweep", "--from", "2024-05", "--to", "2024-08");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("  " + SWEPT + " problems (month ends: " + 4 * SWEPT + "):",
                "  - garment-worker-sokha: gap: no coverage decision for PENSION (4 month ends, 2024-05-31 to 2024-08-31)");
    }

    @Test
    void coverageCountsEveryRule_andExitsWithOneExactlyWhenARuleIsNotSeenBothWays() throws Exception {
        NssfCommandTests.Run r = NssfCommandTests.run("verify", "--coverage", "--size", "300", "--format", "json");
        JsonNode cov = JSON.readTree(r.out()).path("coverage");
        int rules = EligibilityEngine.standard().rules().size();
        assertThat(cov.path("rules").size()).isEqualTo(rules);
        assertThat(cov.path("assessments").asInt()).isEqualTo(300 + EXAMPLES);
        List<String> notBoth = new ArrayList<>();
        cov.path("notBothWays").forEach(n -> notBoth.add(n.asText()));
        for (JsonNode rule : cov.path("rules")) {
            boolean both = rule.path("applied").asInt() > 0 && rule.path("notApplied").asInt() > 0;
            boolean known = !rule.path("known").isNull();
            assertThat(notBoth.contains(rule.path("id").asText())).as("%s", rule).isEqualTo(!both && !known);
        }
        assertThat(r.code()).isEqualTo(notBoth.isEmpty() ? 0 : 1);
        for (String id : VerifyCommand.KNOWN.keySet()) assertThat(EligibilityEngine.standard().rules())
                .as("known exception %s is a rule", id).anyMatch(x -> x.id().equals(id));
    }

    /** The default population (4,000 workers, seed 20250630) sees every rule both ways but the known exceptions. */
    @Test
    void theDefaultPopulationSeesEveryRuleBothWays_butTheKnownExceptions() {
        NssfCommandTests.Run r = NssfCommandTests.run("verify", "--coverage");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("0 not seen both ways").doesNotContain("STALE EXCEPTION");
    }

    @Test
    void theSwitchesOfTheKnownExceptionsAreOffOnEveryDate() {
        assertThat(VerifyCommand.staleSwitches(EligibilityEngine.standard().parameterAudit())).isEmpty();
        assertThat(VerifyCommand.staleSwitches(List.of())).as("a switch missing from the audit is stale").isNotEmpty();
    }

    @Test
    void theParameterAuditListsEveryValueWithItsSourceAndConfidence() {
        NssfCommandTests.Run r = NssfCommandTests.run("verify", "--parameters");
        assertThat(r.code()).isZero();
        int values = EligibilityEngine.standard().parameterAudit().size();
        assertThat(r.out()).contains("Parameters: " + values + " values of ");
        assertThat(r.out().lines().filter(l -> l.startsWith("  pension.contribution.employer_rate ")).toList())
                .anyMatch(l -> l.contains("2022-10-01") && l.contains("0.02") && l.contains("confirmed") && l.contains("sub-decree-32-2021"));
    }

    @Test
    void provisionalValuesNameTheDecisionsThatRestOnThem() {
        NssfCommandTests.Run r = NssfCommandTests.run("verify", "--provisional", "--size", "100");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Provisional values: ", "public_employees.in_force from 2018-01-01 = true",
                "why provisional: ");
        // the public-employee example is covered by occupational risk through the provisional start date
        List<String> lines = r.out().lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("  public_employees.in_force from 2018-01-01")) at = i;
        assertThat(at).as(r.out()).isNotNegative();
        List<String> block = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && lines.get(i).startsWith("      "); i++) block.add(lines.get(i));
        assertThat(block).anyMatch(l -> l.startsWith("      used by: OCCUPATIONAL_RISK COVERAGE"));
    }

    @Test
    void badOptionsAreOneLineErrors() {
        NssfCommandTests.assertUserError(NssfCommandTests.run("verify", "--from", "2007-12", "--sweep"), "--from");
        NssfCommandTests.assertUserError(NssfCommandTests.run("verify", "--from", "2030-01", "--to", "2029-12", "--sweep"), "--to");
        NssfCommandTests.assertUserError(NssfCommandTests.run("verify", "--size", "-1", "--coverage"), "--size");
    }
}
