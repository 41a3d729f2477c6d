package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Reforms applied to the standard engine: validation against the parameter tree (errors name the reform file, line
 * and parameter), dated overrides merged into the tree, reformed values explained with the reform as source, the
 * baseline untouched, and structural reforms (DRL) compiled with the standard rules. Expected figures are derived by
 * hand from the law (docs/law.md); each test says how.
 */
class ReformTests {
    private static final EligibilityEngine BASELINE = EligibilityEngine.standard();
    private static final String PENSION_CEILING = "pension.contributable_wage.ceiling";

    /** The reform of the issue: a 2,000,000-riel pension ceiling from 2027-01-01 (line 4 holds the date). */
    static final String CEILING_YAML = """
            name: "Pension ceiling of 2,000,000 riel from 2027"
            parameters:
              pension.contributable_wage.ceiling:
                2027-01-01: 2000000
            """;

    static Reform ceiling() {
        return NssfReforms.parse("ceiling.yaml", CEILING_YAML, null, false);
    }

    /** An employee of a 10-worker enterprise, born 1990, paid 2,500,000 riel a month from January 2026 to December 2027. */
    static WorkerProfile wellPaidEmployee() {
        return WorkerProfile.builder("ceiling")
                .birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .enterpriseWorkers(10).employmentStart(LocalDate.of(2020, 1, 1)).wage(Money.khr(2_500_000))
                .period(ContributionPeriod.paid(YearMonth.of(2026, 1), YearMonth.of(2027, 12), Money.khr(2_500_000)))
                .build();
    }

    private static ContributionLine pensionLine(Assessment a, YearMonth m) {
        return a.contributions().stream().filter(l -> l.scheme() == Scheme.PENSION && l.month().equals(m)).findFirst()
                .orElseThrow(() -> new AssertionError("no pension line for " + m));
    }

    // ------------------------------------------------------------------ parameter reform: figures

    /**
     * contributable wage = min(max(wage, 400,000), ceiling); phase 1 total 4 % (2 + 2) for
     * 2022-10 to 2027-09, phase 2 total 8 % (4 + 4) from 2027-10-01.
     * <ul>
     *   <li>2026-12, before the reform's date: min(2,500,000, 1,200,000) = 1,200,000; 2 % = 24,000 each, 48,000 total.</li>
     *   <li>2027-01 and 2027-09, reform ceiling, phase 1: min(2,500,000, 2,000,000) = 2,000,000; 2 % = 40,000 each, 80,000 total.</li>
     *   <li>2027-10, reform ceiling, phase 2: 2,000,000 × 4 % = 80,000 each, 160,000 total.</li>
     *   <li>Baseline 2027-01: 1,200,000 × 2 % = 24,000 each; 2027-10: 1,200,000 × 4 % = 48,000 each.</li>
     * </ul>
     */
    @Test
    void ceilingReform_wageOf2500000_paysPensionOn2000000OnlyFromJanuary2027() {
        EligibilityEngine reformed = BASELINE.withReform(ceiling());
        AssessmentRequest req = AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31));
        Assessment r = reformed.assess(req);
        Assessment b = BASELINE.assess(req);

        assertLine(pensionLine(r, YearMonth.of(2026, 12)), 1_200_000, 24_000, 24_000);
        assertLine(pensionLine(r, YearMonth.of(2027, 1)), 2_000_000, 40_000, 40_000);
        assertLine(pensionLine(r, YearMonth.of(2027, 9)), 2_000_000, 40_000, 40_000);
        assertLine(pensionLine(r, YearMonth.of(2027, 10)), 2_000_000, 80_000, 80_000);
        assertLine(pensionLine(b, YearMonth.of(2027, 1)), 1_200_000, 24_000, 24_000);
        assertLine(pensionLine(b, YearMonth.of(2027, 10)), 1_200_000, 48_000, 48_000);

        // only pension lines from 2027-01 differ; the other schemes' lines and every 2026 line are the baseline's
        List<ContributionLine> changed = r.contributions().stream().filter(l -> !b.contributions().contains(l)).toList();
        assertThat(changed).hasSize(12).allSatisfy(l -> {
            assertThat(l.scheme()).isEqualTo(Scheme.PENSION);
            assertThat(l.month()).isBetween(YearMonth.of(2027, 1), YearMonth.of(2027, 12));
        });
        assertThat(r.contributions()).hasSameSizeAs(b.contributions());
        assertThat(r.decisions()).isEqualTo(b.decisions());
    }

    private static void assertLine(ContributionLine l, long base, long employer, long worker) {
        assertThat(l.contributableWage()).as("contributable wage of %s", l.month()).isEqualTo(base);
        assertThat(l.employer()).as("employer share of %s", l.month()).isEqualTo(employer);
        assertThat(l.worker()).as("worker share of %s", l.month()).isEqualTo(worker);
        assertThat(l.total()).isEqualTo(employer + worker);
    }

    @Test
    void ceilingReform_reformedValueIsExplainedWithTheReformAsSource() {
        Reform reform = ceiling();
        EligibilityEngine reformed = BASELINE.withReform(reform);
        Assessment r = reformed.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31)));

        ParameterUse after = use(pensionLine(r, YearMonth.of(2027, 1)), PENSION_CEILING);
        assertThat(after.value()).isEqualTo("2000000");
        assertThat(after.effectiveFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(after.confidence()).isEqualTo(Confidence.REFORM);
        assertThat(after.provisional()).isFalse();
        assertThat(after.source().instrument()).isEqualTo("reform");
        assertThat(after.source().title()).isEqualTo("Pension ceiling of 2,000,000 riel from 2027");
        assertThat(after.source().article()).isEqualTo("ceiling.yaml:4");
        assertThat(pensionLine(r, YearMonth.of(2027, 1)).provisional()).isFalse();

        // before the reform's date the law's value and source are used
        ParameterUse before = use(pensionLine(r, YearMonth.of(2026, 12)), PENSION_CEILING);
        assertThat(before.value()).isEqualTo("1200000");
        assertThat(before.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(before.source().instrument()).isEqualTo("sub-decree-144-2021");
        assertThat(reformed.reform()).isSameAs(reform);
    }

    @Test
    void illustrativeChange_isProvisional_andMakesTheLineProvisional() {
        Reform reform = NssfReforms.parse("ill.yaml", """
                name: "Illustrative ceiling"
                illustrative: true
                parameters:
                  pension.contributable_wage.ceiling:
                    2027-01-01: {value: 2000000, note: "a round figure for discussion"}
                """, null, false);
        Assessment r = BASELINE.withReform(reform).assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31)));
        ContributionLine jan = pensionLine(r, YearMonth.of(2027, 1));
        assertThat(use(jan, PENSION_CEILING).confidence()).isEqualTo(Confidence.PROVISIONAL);
        assertThat(jan.provisional()).isTrue();
        assertThat(pensionLine(r, YearMonth.of(2026, 12)).provisional()).isFalse();
    }

    private static ParameterUse use(ContributionLine l, String id) {
        return l.parameters().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among the parameters of " + l.month()));
    }

    /**
     * A benefit switched off by its flag: the State childbirth allowance exists from 2018; the
     * reform sets health_care.childbirth_allowance.in_force to false from 2027-01-01, so a birth on 2027-03-01 is
     * NOT_IN_FORCE (HC-CBA-00) and the reason names the reform; the baseline still judges the allowance.
     */
    @Test
    void flagReform_switchesTheChildbirthAllowanceOffFromItsDate() {
        Reform off = NssfReforms.parse("off.yaml", """
                name: "No childbirth allowance from 2027"
                parameters:
                  health_care.childbirth_allowance.in_force:
                    2027-01-01: false
                """, null, false);
        WorkerProfile mother = wellPaidEmployee().toBuilder()
                .event(new Childbirth(LocalDate.of(2027, 3, 1), 1, 39, LocalDate.of(2026, 10, 1))).build();
        AssessmentRequest req = AssessmentRequest.of(mother, LocalDate.of(2027, 6, 30));
        Decision reformed = childbirth(BASELINE.withReform(off).assess(req));
        Decision baseline = childbirth(BASELINE.assess(req));

        assertThat(reformed.outcome()).isEqualTo(Outcome.NOT_IN_FORCE);
        Reason why = reformed.reasons().stream().filter(x -> x.ruleId().equals("HC-CBA-00")).findFirst().orElseThrow();
        ParameterUse flag = why.parameters().stream().filter(u -> u.id().equals("health_care.childbirth_allowance.in_force")).findFirst().orElseThrow();
        assertThat(flag.value()).isEqualTo("false");
        assertThat(flag.source().article()).isEqualTo("off.yaml:4");
        assertThat(baseline.outcome()).isNotEqualTo(Outcome.NOT_IN_FORCE);
    }

    private static Decision childbirth(Assessment a) {
        return a.decisions().stream().filter(d -> d.benefit() == Benefit.CHILDBIRTH_ALLOWANCE).findFirst()
                .orElseThrow(() -> new AssertionError("no childbirth decision in " + a.decisions()));
    }

    @Test
    void scaleReform_replacesTheAssumedWageTableFromItsDate() {
        // health care: 2 brackets (an illustrative table, no legal figure): wages up to 500,000 -> 500,000, above -> 1,500,000.
        // HC contribution (§5.1): 2.6 % employer, 0 worker from 2018-01-01 -> 1,500,000 x 0.026 = 39,000 for a 2,500,000 wage.
        Reform table = NssfReforms.parse("table.yaml", """
                name: "Two-bracket health-care table"
                parameters:
                  health_care.assumed_wage:
                    2027-01-01:
                      brackets:
                        - {upTo: 500000, value: 500000}
                        - {value: 1500000}
                """, null, false);
        Assessment r = BASELINE.withReform(table).assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31)));
        ContributionLine hc = r.contributions().stream().filter(l -> l.scheme() == Scheme.HEALTH_CARE && l.month().equals(YearMonth.of(2027, 2)))
                .findFirst().orElseThrow();
        assertThat(hc.contributableWage()).isEqualTo(1_500_000);
        assertThat(hc.employer()).isEqualTo(39_000);
        assertThat(hc.worker()).isZero();
    }

    /** The example of the README's "Reforms" section (without its rules:) is valid and assesses. */
    @Test
    void readmeExample_appliesAndAssesses() {
        Reform r = NssfReforms.parse("readme.yaml", """
                name: "Pension ceiling of 2,000,000 riel from 2027"
                description: >
                  Raises the ceiling of the pension contributable wage from 1,200,000 to 2,000,000 KHR on 2027-01-01.
                illustrative: false
                parameters:
                  pension.contributable_wage.ceiling:
                    2027-01-01: 2000000
                  health_care.maternity.qualifying_months:
                    2027-01-01: {value: 6, illustrative: true, note: "why"}
                  health_care.childbirth_allowance.in_force:
                    2030-01-01: false
                  health_care.assumed_wage:
                    2027-01-01:
                      brackets:
                        - {upTo: 200000, value: 200000}
                        - {value: 1200000}
                """, null, false);
        EligibilityEngine reformed = BASELINE.withReform(r);
        Assessment a = reformed.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31)));
        assertThat(pensionLine(a, YearMonth.of(2027, 1)).contributableWage()).isEqualTo(2_000_000);
    }

    // ------------------------------------------------------------------ baseline untouched, versions, stacking

    @Test
    void baselineIsUntouched_byApplyingAReform() {
        AssessmentRequest req = AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31));
        Assessment before = BASELINE.assess(req);
        String version = BASELINE.ruleSetVersion();
        Parameter ceiling = RuleSet.standard().parameters().get(PENSION_CEILING);

        EligibilityEngine reformed = BASELINE.withReform(ceiling());
        reformed.assess(req);

        assertThat(BASELINE.assess(req)).isEqualTo(before);
        assertThat(BASELINE.ruleSetVersion()).isEqualTo(version);
        assertThat(BASELINE.reform()).isEqualTo(Reform.none());
        assertThat(RuleSet.standard().parameters().get(PENSION_CEILING)).isSameAs(ceiling);
        assertThat(ceiling.at(LocalDate.of(2027, 6, 1)).decimal()).isEqualByComparingTo("1200000");
        assertThat(pensionLine(before, YearMonth.of(2027, 1)).contributableWage()).isEqualTo(1_200_000);
    }

    @Test
    void version_coversTheReform_andAnEmptyReformKeepsTheBaselineVersion() {
        EligibilityEngine reformed = BASELINE.withReform(ceiling());
        assertThat(reformed.ruleSetVersion()).isNotEqualTo(BASELINE.ruleSetVersion()).startsWith("nssf-");
        Assessment a = reformed.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31)));
        assertThat(a.ruleSetVersion()).isEqualTo(reformed.ruleSetVersion());
        // the same content gives the same version, wherever it was read from; another value gives another version
        Reform elsewhere = NssfReforms.parse("other/place.yaml", CEILING_YAML, null, false);
        assertThat(BASELINE.withReform(elsewhere).ruleSetVersion()).isEqualTo(reformed.ruleSetVersion());
        Reform higher = NssfReforms.parse("ceiling.yaml", CEILING_YAML.replace("2000000", "2100000"), null, false);
        assertThat(BASELINE.withReform(higher).ruleSetVersion()).isNotEqualTo(reformed.ruleSetVersion());
        // empty reforms assess like the baseline and keep its version
        assertThat(BASELINE.withReform(Reform.none()).ruleSetVersion()).isEqualTo(BASELINE.ruleSetVersion());
        Reform empty = NssfReforms.parse("empty.yaml", "name: Nothing\nparameters: {}\n", null, false);
        assertThat(BASELINE.withReform(empty).ruleSetVersion()).isEqualTo(BASELINE.ruleSetVersion());
        assertThat(BASELINE.withReform(empty).reform()).isSameAs(empty);
    }

    @Test
    void reformedEngine_refusesASecondReform_butAcceptsAnEmptyOne() {
        EligibilityEngine reformed = BASELINE.withReform(ceiling());
        Reform other = NssfReforms.parse("other.yaml", CEILING_YAML.replace("2000000", "1500000"), null, false);
        assertThatThrownBy(() -> reformed.withReform(other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already applies the reform 'Pension ceiling of 2,000,000 riel from 2027'")
                .hasMessageContaining("reforms do not stack");
        EligibilityEngine same = reformed.withReform(Reform.none());
        assertThat(same.ruleSetVersion()).isEqualTo(reformed.ruleSetVersion());
        assertThat(same.reform()).isSameAs(reformed.reform());
    }

    @Test
    void parameterReform_reusesTheCompiledRules() {
        DroolsEligibilityEngine base = new DroolsEligibilityEngine();
        DroolsEligibilityEngine reformed = (DroolsEligibilityEngine) base.withReform(ceiling());
        assertThat(reformed.kieBaseBuildTime()).isEqualTo(base.kieBaseBuildTime());
    }

    // ------------------------------------------------------------------ validation against the parameter tree

    @Test
    void unknownParameter_isAnErrorAtItsLine_listingTheClosestIds() {
        Reform r = NssfReforms.parse("typo.yaml", """
                name: "Typo"
                parameters:
                  pension.contribution.ceiling:
                    2027-01-01: 2000000
                """, null, false);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BASELINE.withReform(r));
        assertThat(e.field()).isEqualTo("typo.yaml:4 parameters.pension.contribution.ceiling.2027-01-01");
        assertThat(e.problem()).isEqualTo("names no parameter of the rule base");
        assertThat(e.allowed()).startsWith("a parameter id; the closest are ").contains(PENSION_CEILING);
    }

    @Test
    void rateAboveOne_isAnError() {
        InvalidInputException e = applyError("rate.yaml", "pension.contribution.employer_rate", "2027-01-01: 2");
        assertThat(e.field()).isEqualTo("rate.yaml:4 parameters.pension.contribution.employer_rate.2027-01-01");
        assertThat(e.problem()).isEqualTo("is 2: pension.contribution.employer_rate is a rate, a fraction of the wage");
        assertThat(e.allowed()).isEqualTo("a fraction from 0 to 1 (0.02 for 2 %) with at most 10 decimal places, or null");
    }

    @Test
    void negativeMoney_decimalRiel_andBooleanForMoney_areErrors() {
        InvalidInputException negative = applyError("neg.yaml", PENSION_CEILING, "2027-01-01: -5");
        assertThat(negative.field()).isEqualTo("neg.yaml:4 parameters.pension.contributable_wage.ceiling.2027-01-01");
        assertThat(negative.problem()).isEqualTo("is -5, which does not fit pension.contributable_wage.ceiling (unit KHR)");
        assertThat(negative.allowed()).isEqualTo("a whole number of riel from 0 to 100000000000, or null");
        assertThat(applyError("dec.yaml", PENSION_CEILING, "2027-01-01: 1500000.5").problem())
                .isEqualTo("is 1500000.5, which does not fit pension.contributable_wage.ceiling (unit KHR)");
        assertThat(applyError("bool.yaml", PENSION_CEILING, "2027-01-01: true").problem())
                .isEqualTo("is true, which does not fit pension.contributable_wage.ceiling (unit KHR)");
        InvalidInputException flag = applyError("flag.yaml", "health_care.childbirth_allowance.in_force", "2027-01-01: 1");
        assertThat(flag.problem()).isEqualTo("is 1, which does not fit health_care.childbirth_allowance.in_force (unit boolean)");
        assertThat(flag.allowed()).isEqualTo("true or false (unit boolean), or null");
        InvalidInputException scale = applyError("scale.yaml", "health_care.assumed_wage", "2027-01-01: 1000000");
        assertThat(scale.problem()).isEqualTo("is 1000000, which does not fit health_care.assumed_wage (unit scale)");
    }

    /** A reform whose line 4 is {@code entry} under {@code id}, applied to the baseline: the error it gives. */
    private static InvalidInputException applyError(String file, String id, String entry) {
        Reform r = NssfReforms.parse(file, "name: \"Bad\"\nparameters:\n  " + id + ":\n    " + entry + "\n", null, false);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BASELINE.withReform(r));
        assertThat(e).as("error of %s", entry).isNotNull();
        return e;
    }

    @Test
    void scaleWithUnorderedBrackets_builtInCode_isAnErrorAtTheChangesLocation() {
        List<Reform.Bracket> unordered = List.of(new Reform.Bracket(500_000L, 500_000), new Reform.Bracket(400_000L, 600_000),
                new Reform.Bracket(null, 1_000_000));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () ->
                new Reform.Change("health_care.assumed_wage", LocalDate.of(2027, 1, 1), unordered, false, "", "code.yaml:9"));
        assertThat(e.field()).isEqualTo("code.yaml:9 health_care.assumed_wage brackets[1].upTo");
        assertThat(e.problem()).isEqualTo("(400000) is not above the previous bracket's (500000)");
    }

    @Test
    void reformBuiltInCode_withoutLocation_namesTheChangeByIndex() {
        Reform r = new Reform("Code", "", List.of(
                new Reform.Change(PENSION_CEILING, LocalDate.of(2027, 1, 1), 2_000_000L, false, "", ""),
                new Reform.Change("pension.no_such", LocalDate.of(2027, 1, 1), 1L, false, "", "")), List.of());
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BASELINE.withReform(r));
        assertThat(e.field()).isEqualTo("changes[1] parameters.pension.no_such.2027-01-01");
    }

    @Test
    void unorderedDates_builtInCode_areRefusedByTheRecord() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> new Reform("Code", "", List.of(
                new Reform.Change(PENSION_CEILING, LocalDate.of(2028, 1, 1), 2_000_000L, false, "", "c.yaml:4"),
                new Reform.Change(PENSION_CEILING, LocalDate.of(2027, 1, 1), 1_500_000L, false, "", "c.yaml:5")), List.of()));
        assertThat(e.field()).isEqualTo("c.yaml:5 pension.contributable_wage.ceiling");
        assertThat(e.problem()).isEqualTo("has the date 2027-01-01, not after the previous date 2028-01-01 (c.yaml:4)");
    }

    @Test
    void severalDates_eachHoldsUntilTheNext_andReplaceLaterStandardValues() {
        // pension.contribution.employer_rate has standard values from 2022-10 (0.02), 2027-10 (0.04), 2032-10 …
        // (§6.1). A reform 0.03 from 2026-01-01 and 0.05 from 2030-01-01 replaces every standard value from 2026 on.
        Reform r = NssfReforms.parse("rates.yaml", """
                name: "Faster phase-in"
                parameters:
                  pension.contribution.employer_rate:
                    2026-01-01: 0.03
                    2030-01-01: 0.05
                """, null, false);
        EligibilityEngine reformed = BASELINE.withReform(r);
        WorkerProfile p = wellPaidEmployee().toBuilder()
                .history(List.of(ContributionPeriod.paid(YearMonth.of(2025, 12), YearMonth.of(2033, 1), Money.khr(1_000_000)))).build();
        Assessment a = reformed.assess(AssessmentRequest.of(p, LocalDate.of(2033, 1, 31)));
        // 1,000,000 is between the floor and the ceiling (§3.3): the employer pays rate × 1,000,000
        assertThat(pensionLine(a, YearMonth.of(2025, 12)).employer()).isEqualTo(20_000);  // standard 2 %
        assertThat(pensionLine(a, YearMonth.of(2026, 1)).employer()).isEqualTo(30_000);   // reform 3 %
        assertThat(pensionLine(a, YearMonth.of(2027, 10)).employer()).isEqualTo(30_000);  // standard 4 % replaced
        assertThat(pensionLine(a, YearMonth.of(2030, 1)).employer()).isEqualTo(50_000);   // reform 5 %
        assertThat(pensionLine(a, YearMonth.of(2033, 1)).employer()).isEqualTo(50_000);   // standard 5.375 % replaced
        assertThat(pensionLine(a, YearMonth.of(2033, 1)).worker()).isEqualTo(53_750);     // worker rate untouched: 5.375 %
    }

    // ------------------------------------------------------------------ structural reforms

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(ReformTests.class.getResource("/reforms/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The test reform puts the unemployment scheme in force from 2027-01-01 (a flag) and adds one rule, UNE-COV-90,
     * that covers everyone once it is in force: on 2027-06-30 the decision is COVERED by UNE-COV-90; on 2026-06-30,
     * before the date, the standard UNE-COV-00 still says NOT_IN_FORCE. The baseline says NOT_IN_FORCE on both dates.
     */
    @Test
    void structuralReform_addsARuleThatFires() {
        Reform r = NssfReforms.read(resource("unemployment_on.yaml"), true);
        assertThat(r.structural()).isTrue();
        EligibilityEngine reformed = BASELINE.withReform(r);

        Decision after = unemployment(reformed.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 6, 30))));
        assertThat(after.outcome()).isEqualTo(Outcome.COVERED);
        // the added rule fires beside the standard switch rules, which agree (COVERED)
        assertThat(after.reasons()).extracting(Reason::ruleId).contains("UNE-COV-90", "UNE-COV-01");
        Decision before = unemployment(reformed.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2026, 6, 30))));
        assertThat(before.outcome()).isEqualTo(Outcome.NOT_IN_FORCE);
        assertThat(unemployment(BASELINE.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 6, 30)))).outcome())
                .isEqualTo(Outcome.NOT_IN_FORCE);
        assertThat(reformed.ruleSetVersion()).isNotEqualTo(BASELINE.ruleSetVersion());
    }

    /** A file that names a standard file (unemployment/coverage.drl) replaces it: its UNE-COV-00 is not a duplicate. */
    @Test
    void structuralReform_replacesTheStandardFileOfTheSameName() {
        Reform r = NssfReforms.read(resource("unemployment_replaced.yaml"), true);
        EligibilityEngine reformed = BASELINE.withReform(r);
        Decision after = unemployment(reformed.assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 6, 30))));
        assertThat(after.outcome()).isEqualTo(Outcome.COVERED);
        // the replaced file's rules are gone: only the reform's coverage rule speaks for coverage
        assertThat(after.reasons()).extracting(Reason::ruleId).contains("UNE-COV-91")
                .noneMatch(id -> id.startsWith("UNE-COV-0"));
    }

    @Test
    void structuralReform_aFileNameOfSeveralStandardFiles_isAmbiguous() {
        Reform r = new Reform("Ambiguous", "", List.of(), List.of(new Reform.RuleFile("coverage.drl", "package x;")));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BASELINE.withReform(r));
        assertThat(e.field()).isEqualTo("rules coverage.drl");
        assertThat(e.problem()).matches("names \\d+ standard files \\[health_care/coverage\\.drl, .*pension/coverage\\.drl.*");
        assertThat(e.allowed()).startsWith("a path that names one standard file, e.g. health_care/coverage.drl");
    }

    @Test
    void drlCompileError_isAnErrorNamingTheFileAndLine() {
        Reform r = NssfReforms.read(resource("broken.yaml"), true);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BASELINE.withReform(r));
        assertThat(e.field()).isEqualTo("broken.drl:12");
        assertThat(e.problem()).startsWith("does not compile: ");
    }

    @Test
    void drlWithBadMetadata_isAnErrorNamingTheFile() {
        Reform r = new Reform("Bad citation", "", List.of(), List.of(new Reform.RuleFile("extra/uncited.drl", """
                package rules.reform_test;
                import org.rulesascode.nssf.rules.internal.*;
                import org.rulesascode.nssf.eligibility.Scheme;
                import org.rulesascode.nssf.eligibility.Outcome;
                // cites an instrument that is not in the catalogue
                rule "UNE-COV-92 Uncited"
                    @id("UNE-COV-92") @scheme("UNEMPLOYMENT") @benefit("COVERAGE") @cites("no-such-law") @params("unemployment.in_force")
                when
                    SchemeQuery(scheme == Scheme.UNEMPLOYMENT)
                    $c : CoverageFact(params.unemploymentInForce)
                then
                    insert(Finding.outcome(kcontext, $c, Outcome.COVERED));
                end
                """)));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> BASELINE.withReform(r));
        assertThat(e.field()).isEqualTo("extra/uncited.drl");
        assertThat(e.problem()).contains("UNE-COV-92").contains("no-such-law").contains("not in legal-sources/");
    }

    private static Decision unemployment(Assessment a) {
        return a.decisions().stream().filter(d -> d.scheme() == Scheme.UNEMPLOYMENT && d.benefit() == Benefit.COVERAGE).findFirst()
                .orElseThrow(() -> new AssertionError("no unemployment coverage decision"));
    }

    @Test
    void decimalValues_keepTheirPrecision() {
        Reform r = NssfReforms.parse("d.yaml", """
                name: "Half a point"
                parameters:
                  pension.contribution.worker_rate:
                    2027-01-01: 0.025
                """, null, false);
        Assessment a = BASELINE.withReform(r).assess(AssessmentRequest.of(wellPaidEmployee(), LocalDate.of(2027, 12, 31)));
        // 1,200,000 (standard ceiling) × 2.5 % = 30,000 for the worker; the employer keeps 2 % = 24,000 (§6.1)
        ContributionLine jan = pensionLine(a, YearMonth.of(2027, 1));
        assertThat(jan.worker()).isEqualTo(30_000);
        assertThat(jan.employer()).isEqualTo(24_000);
        assertThat(jan.rate()).isEqualByComparingTo(new BigDecimal("0.045"));
    }
}
