package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.Assessor;
import org.rulesascode.nssf.rules.internal.Params;
import org.rulesascode.nssf.rules.internal.ResourceFiles;
import org.rulesascode.nssf.rules.internal.RuleBase;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reform switches of the rule base, tested without the reform engine: rule sets built from the standard files
 * with some parameter files given a later, switched-on value (as a reform would), assessed on hand-worked profiles.
 * Under the standard parameters every switch is off on every date, so the rules it guards never fire (they are in
 * {@link CaseTests#UNREACHABLE_RULES}); the YAML cases pin the baseline behaviour.
 *
 * <p>Switched-on values used here (illustrative test values, marked provisional, not from any law):
 * <ul>
 *   <li>{@link #ON}: from 2025-01-01 {@code voluntary_health_care.maternity.covered} true, {@code
 *       voluntary_health_care.maternity.reference_wage} 600,000 KHR, {@code health_care.childbirth_allowance.self_employed}
 *       true; from 2027-01-01 {@code unemployment.in_force} true, employer and worker rates 0.5 % each, contributable
 *       wage between 400,000 and 1,200,000 KHR.</li>
 *   <li>{@link #ON_WITHOUT_VALUES}: from 2025-01-01 {@code voluntary_health_care.maternity.covered} true (no reference
 *       wage, the childbirth allowance not extended); {@code unemployment.in_force} true from 2008-01-01 (replacing the
 *       2019 entry, so that the registration duty starting in November 2008, and its threshold of 8 workers before
 *       2018, apply) with no rate and no contributable wage.</li>
 * </ul>
 */
class ReformSwitchTests {
    static final String COVERED = "voluntary_health_care.maternity.covered";
    static final String REFERENCE_WAGE = "voluntary_health_care.maternity.reference_wage";
    static final String CBA_SELF_EMPLOYED = "health_care.childbirth_allowance.self_employed";
    static final String UNEMPLOYMENT = "unemployment.in_force";

    static final Map<String, String> STANDARD_PARAMETERS = ResourceFiles.read("parameters", ".yaml");

    /** The standard rule set. */
    static final Assessor BASELINE = new Assessor(RuleSet.standard());
    /** Every switch on, with illustrative values (see the class comment). */
    static final RuleSet ON_RULES = ruleSet(Map.of(
            file(COVERED), appended(COVERED, "2025-01-01", "true", "sub-decree-280-2023"),
            file(REFERENCE_WAGE), appended(REFERENCE_WAGE, "2025-01-01", "600000", "sub-decree-280-2023"),
            file(CBA_SELF_EMPLOYED), appended(CBA_SELF_EMPLOYED, "2025-01-01", "true", "prakas-404-2017"),
            file(UNEMPLOYMENT), appended(UNEMPLOYMENT, "2027-01-01", "true", "law-2019-social-security"),
            file("unemployment.contribution.employer_rate"), appended("unemployment.contribution.employer_rate", "2027-01-01", "0.005", "law-2019-social-security"),
            file("unemployment.contribution.worker_rate"), appended("unemployment.contribution.worker_rate", "2027-01-01", "0.005", "law-2019-social-security"),
            file("unemployment.contributable_wage.floor"), appended("unemployment.contributable_wage.floor", "2027-01-01", "400000", "law-2019-social-security"),
            file("unemployment.contributable_wage.ceiling"), appended("unemployment.contributable_wage.ceiling", "2027-01-01", "1200000", "law-2019-social-security")));
    static final Assessor ON = new Assessor(ON_RULES);
    /** The switches on, without the values that make an amount or a contribution. */
    static final Assessor ON_WITHOUT_VALUES = new Assessor(ruleSet(Map.of(
            file(COVERED), appended(COVERED, "2025-01-01", "true", "sub-decree-280-2023"),
            file(UNEMPLOYMENT), """
                    description: "Test: the unemployment scheme switched on from 2008, with no rate."
                    unit: boolean
                    values:
                      2008-01-01:
                        value: true
                        source: {instrument: law-2019-social-security, article: ""}
                        confidence: provisional
                        note: "test: illustrative, not from any law"
                    """)));

    // ------------------------------------------------------------------ the baseline keeps every switch off

    @Test
    void standardParameters_keepEverySwitchOff_onEveryDate() {
        for (Params p : RuleSet.standard().timeline().snapshots()) {
            assertThat(p.isUnemploymentInForce()).as("unemployment.in_force from %s", p.getFrom()).isFalse();
            assertThat(p.flag(COVERED)).as(COVERED + " from %s", p.getFrom()).isFalse();
            assertThat(p.flag(CBA_SELF_EMPLOYED)).as(CBA_SELF_EMPLOYED + " from %s", p.getFrom()).isFalse();
            for (String id : List.of(REFERENCE_WAGE, "unemployment.contribution.employer_rate", "unemployment.contribution.worker_rate",
                    "unemployment.contributable_wage.floor", "unemployment.contributable_wage.ceiling")) {
                assertThat(p.has(id)).as("%s has no value in the law read (from %s)", id, p.getFrom()).isFalse();
            }
        }
        // the switches exist as parameters, so a reform can set them
        for (String id : List.of(COVERED, REFERENCE_WAGE, CBA_SELF_EMPLOYED, UNEMPLOYMENT)) {
            assertThat(RuleSet.standard().parameters().contains(id)).as(id).isTrue();
        }
    }

    /** Every rule CaseTests lists as a reform switch is reached here with the switches on, and by no case of the baseline. */
    @Test
    void everyReformSwitchRule_firesWithTheSwitchesOn() {
        Set<String> switched = new TreeSet<>();
        CaseTests.UNREACHABLE_RULES.forEach((id, why) -> { if (why.startsWith(CaseTests.REFORM_SWITCH)) switched.add(id); });
        assertThat(switched).hasSize(18);
        Set<String> fired = new TreeSet<>();
        List<Assessment> all = new ArrayList<>();
        all.add(ON.assess(AssessmentRequest.of(member(paidVoluntary(YearMonth.of(2024, 6), YearMonth.of(2025, 5))), LocalDate.of(2025, 6, 30)), Locale.ENGLISH));
        all.add(ON.assess(AssessmentRequest.of(member(paidVoluntary(YearMonth.of(2025, 5), YearMonth.of(2025, 5))), LocalDate.of(2025, 6, 30)), Locale.ENGLISH));
        all.add(ON.assess(AssessmentRequest.of(abandonedMember(), LocalDate.of(2025, 6, 30)), Locale.ENGLISH));
        all.add(ON.assess(AssessmentRequest.of(employee(852_800, null), LocalDate.of(2027, 3, 31)), Locale.ENGLISH));
        all.add(ON.assess(AssessmentRequest.of(selfEmployedMan(), LocalDate.of(2027, 3, 31)), Locale.ENGLISH));
        all.add(ON.assess(AssessmentRequest.of(employee(852_800, LocalDate.of(2027, 6, 1)), LocalDate.of(2027, 3, 31)), Locale.ENGLISH));
        all.add(ON_WITHOUT_VALUES.assess(AssessmentRequest.of(smallEnterpriseEmployee(5), LocalDate.of(2016, 6, 30)), Locale.ENGLISH));
        all.add(ON_WITHOUT_VALUES.assess(AssessmentRequest.of(smallEnterpriseEmployee(null), LocalDate.of(2016, 6, 30)), Locale.ENGLISH));
        all.add(ON_WITHOUT_VALUES.assess(AssessmentRequest.of(employee(852_800, null), LocalDate.of(2027, 3, 31)), Locale.ENGLISH));
        all.add(ON_WITHOUT_VALUES.assess(AssessmentRequest.of(smallEnterpriseEmployee(20), LocalDate.of(2008, 6, 30)), Locale.ENGLISH));
        for (Assessment a : all) fired.addAll(ruleIds(a));
        Set<String> missing = new TreeSet<>(switched);
        missing.removeAll(fired);
        assertThat(missing).as("reform-switch rules that no switched-on assessment here reaches").isEmpty();
    }

    // ------------------------------------------------------------------ maternity of self-employed voluntary members

    /**
     * A self-employed member who paid the voluntary contribution every month from June 2024 to May 2025 gives birth
     * on 10 June 2025 (39 weeks, NSSF notified on 1 February 2025).
     * Baseline: the voluntary scheme gives no maternity allowance (HC-MAT-12) and the childbirth
     * allowance is for registered workers (HC-CBA-02): both NOT_ELIGIBLE.
     * Switched on from 2025-01-01: 12 consecutive paid voluntary months before June ≥ the waiting period of 2 (§5.1), no
     * unpaid month, so no abandonment (§12) → ELIGIBLE. Daily wage 600,000 ÷ 30 = 20,000; × 0.70 = 14,000 a day
     * (§5.2 rate, §12 row 4b divisor) for 90 days (= 1,260,000). Childbirth allowance: member, 39 ≥ 26 weeks, notified
     * 2025-02-01 ≤ 2025-03-10 (3 months before) → 800,000 for one baby from 2023-08-01 (§5.3).
     */
    @Test
    void selfEmployedMember_pastTheWaitingPeriod_getsTheMaternityAndChildbirthAllowances_whenSwitchedOn() {
        WorkerProfile p = member(paidVoluntary(YearMonth.of(2024, 6), YearMonth.of(2025, 5)));
        LocalDate asOf = LocalDate.of(2025, 6, 30);

        Assessment base = BASELINE.assess(AssessmentRequest.of(p, asOf), Locale.ENGLISH);
        assertThat(benefit(base, Benefit.MATERNITY_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(benefit(base, Benefit.CHILDBIRTH_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ruleIds(base)).contains("HC-MAT-12", "HC-CBA-02", "HC-CBA-11").doesNotContain("VHC-MAT-10", "HC-CBA-13");

        Assessment on = ON.assess(AssessmentRequest.of(p, asOf), Locale.ENGLISH);
        Decision maternity = benefit(on, Benefit.MATERNITY_ALLOWANCE);
        assertThat(maternity.scheme()).isEqualTo(Scheme.HEALTH_CARE);
        assertThat(maternity.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(maternity.entitlement().amount()).isEqualTo(14_000L);
        assertThat(maternity.entitlement().durationDays()).isEqualTo(90);
        assertThat(maternity.provisional()).isTrue();
        assertThat(maternity.provisionalParameters()).contains(COVERED, REFERENCE_WAGE);
        assertThat(ids(maternity)).contains("VHC-MAT-01", "VHC-MAT-03", "VHC-MAT-10")
                .doesNotContain("HC-MAT-12", "HC-MAT-03", "HC-MAT-04", "VHC-MAT-11");
        assertThat(maternity.steps().get(maternity.steps().size() - 1).result()).isEqualTo("1,260,000 KHR");
        Decision childbirth = benefit(on, Benefit.CHILDBIRTH_ALLOWANCE);
        assertThat(childbirth.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(childbirth.entitlement().amount()).isEqualTo(800_000L);
        assertThat(ids(childbirth)).contains("HC-CBA-13", "HC-CBA-10").doesNotContain("HC-CBA-02");
        for (Decision d : List.of(maternity, childbirth)) {
            for (Reason r : d.reasons()) assertThat(r.message()).as(r.ruleId()).doesNotContain("{");
        }
    }

    /**
     * Only May 2025 paid: 1 consecutive month < the waiting period of 2 (§5.1) → no maternity allowance and, the
     * member not being past the waiting period, no childbirth allowance, even with the switches on.
     */
    @Test
    void selfEmployedMember_inTheWaitingPeriod_getsNeither_evenWhenSwitchedOn() {
        Assessment on = ON.assess(AssessmentRequest.of(member(paidVoluntary(YearMonth.of(2025, 5), YearMonth.of(2025, 5))),
                LocalDate.of(2025, 6, 30)), Locale.ENGLISH);
        Decision maternity = benefit(on, Benefit.MATERNITY_ALLOWANCE);
        assertThat(maternity.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(maternity.entitlement()).isNull();
        assertThat(ids(maternity)).contains("VHC-MAT-02", "VHC-MAT-03", "VHC-MAT-11").doesNotContain("VHC-MAT-10");
        Reason waiting = maternity.reasons().stream().filter(r -> r.ruleId().equals("VHC-MAT-02")).findFirst().orElseThrow();
        assertThat(waiting.distance()).contains("2 consecutive paid months");
        Decision childbirth = benefit(on, Benefit.CHILDBIRTH_ALLOWANCE);
        assertThat(childbirth.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ids(childbirth)).contains("HC-CBA-14", "HC-CBA-11");
    }

    /**
     * Paid April-May 2023, then nothing until January 2024, then January 2024 to May 2025: June-December 2023 are 7
     * unpaid months, more than 6 → voluntary abandonment (§2.2 rule 6, §12), although the 17 months paid since
     * January 2024 pass the waiting period → no allowance with the switches on.
     */
    @Test
    void selfEmployedMember_whoAbandonedTheScheme_getsNeither_evenWhenSwitchedOn() {
        Assessment on = ON.assess(AssessmentRequest.of(abandonedMember(), LocalDate.of(2025, 6, 30)), Locale.ENGLISH);
        Decision maternity = benefit(on, Benefit.MATERNITY_ALLOWANCE);
        assertThat(maternity.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ids(maternity)).contains("VHC-MAT-01", "VHC-MAT-04", "VHC-MAT-11");
        assertThat(benefit(on, Benefit.CHILDBIRTH_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ruleIds(on)).contains("HC-CBA-14");
    }

    /** A delivery before the switch's date (10 June 2024 < 2025-01-01) is judged under the law of its date: as the baseline. */
    @Test
    void deliveryBeforeTheSwitchDate_isJudgedAsInTheBaseline() {
        WorkerProfile p = member(paidVoluntary(YearMonth.of(2023, 6), YearMonth.of(2024, 5))).toBuilder()
                .events(List.of(new Childbirth(LocalDate.of(2024, 6, 10), 1, 39, LocalDate.of(2024, 2, 1)))).build();
        Assessment on = ON.assess(AssessmentRequest.of(p, LocalDate.of(2024, 6, 30)), Locale.ENGLISH);
        Assessment base = BASELINE.assess(AssessmentRequest.of(p, LocalDate.of(2024, 6, 30)), Locale.ENGLISH);
        assertThat(benefit(on, Benefit.MATERNITY_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ruleIds(on)).contains("HC-MAT-12", "HC-CBA-02").doesNotContain("VHC-MAT-10", "HC-CBA-13", "HC-CBA-14");
        assertThat(on.decisions()).isEqualTo(base.decisions());
    }

    /**
     * Maternity switched on without a reference wage: the member is ELIGIBLE and the amount is undetermined, with the
     * reason; the childbirth allowance, not switched on in this rule set, stays NOT_ELIGIBLE (HC-CBA-02).
     */
    @Test
    void maternitySwitchedOnWithoutAReferenceWage_isEligibleWithAnUndeterminedAmount() {
        Assessment a = ON_WITHOUT_VALUES.assess(AssessmentRequest.of(member(paidVoluntary(YearMonth.of(2024, 6), YearMonth.of(2025, 5))),
                LocalDate.of(2025, 6, 30)), Locale.ENGLISH);
        Decision maternity = benefit(a, Benefit.MATERNITY_ALLOWANCE);
        assertThat(maternity.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(maternity.entitlement().amount()).isNull();
        assertThat(maternity.entitlement().undeterminedReason()).contains(REFERENCE_WAGE);
        assertThat(maternity.steps()).isEmpty();
        assertThat(benefit(a, Benefit.CHILDBIRTH_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ruleIds(a)).contains("HC-CBA-02").doesNotContain("HC-CBA-13", "HC-CBA-14");
    }

    /** The switches concern the self-employed and the unemployment scheme only: an employee's assessment before 2027 is unchanged. */
    @Test
    void employeeBeforeTheUnemploymentDate_isAssessedExactlyAsInTheBaseline() {
        WorkerProfile p = WorkerProfile.builder("dara").birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).employmentStart(LocalDate.of(2022, 1, 10))
                .period(ContributionPeriod.paid(YearMonth.of(2022, 1), YearMonth.of(2025, 5), Money.khr(852_800)))
                .event(new Childbirth(LocalDate.of(2025, 6, 2), 1, 39, LocalDate.of(2025, 2, 1))).build();
        AssessmentRequest r = AssessmentRequest.of(p, LocalDate.of(2025, 6, 30));
        Assessment base = BASELINE.assess(r, Locale.ENGLISH);
        Assessment on = ON.assess(r, Locale.ENGLISH);
        assertThat(on.decisions()).isEqualTo(base.decisions());
        assertThat(on.contributions()).isEqualTo(base.contributions());
        assertThat(on.compliance()).isEqualTo(base.compliance());
        assertThat(benefit(on, Benefit.MATERNITY_ALLOWANCE).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    // ------------------------------------------------------------------ unemployment switched on

    /**
     * An employee earning 852,800 KHR a month, paid from October 2026 to March 2027, on 31 March 2027 with the
     * unemployment scheme in force from 2027-01-01 at 0.5 % + 0.5 % of the wage clamped to [400,000, 1,200,000]:
     * covered (the employer must register her: every employer from 2018, §2.1); January to March 2027 each
     * 852,800 × 0.005 = 4,264 (employer) + 4,264 (worker) = 8,528, rate 0.01; October to December 2026 carry no line
     * (not yet in force). Baseline: NOT_IN_FORCE, no line (§7).
     */
    @Test
    void unemploymentSwitchedOn_coversAnEmployee_andAddsHerContributionLines() {
        AssessmentRequest r = AssessmentRequest.of(employee(852_800, null), LocalDate.of(2027, 3, 31));
        Assessment base = BASELINE.assess(r, Locale.ENGLISH);
        assertThat(base.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NOT_IN_FORCE);
        assertThat(base.contributions()).noneMatch(l -> l.scheme() == Scheme.UNEMPLOYMENT);

        Assessment on = ON.assess(r, Locale.ENGLISH);
        Decision coverage = on.coverage(Scheme.UNEMPLOYMENT);
        assertThat(coverage.outcome()).isEqualTo(Outcome.COVERED);
        assertThat(coverage.provisional()).isTrue();
        assertThat(ids(coverage)).contains("UNE-COV-01", "REG-04", "UNE-CON-00");
        Reason before = coverage.reasons().stream().filter(x -> x.ruleId().equals("UNE-CON-00")).findFirst().orElseThrow();
        assertThat(before.message()).contains("2026-10 to 2026-12").contains("2027-01-01");
        List<ContributionLine> lines = on.contributions().stream().filter(l -> l.scheme() == Scheme.UNEMPLOYMENT).toList();
        assertThat(lines).extracting(ContributionLine::month)
                .containsExactly(YearMonth.of(2027, 1), YearMonth.of(2027, 2), YearMonth.of(2027, 3));
        for (ContributionLine l : lines) {
            assertThat(l.contributableWage()).isEqualTo(852_800L);
            assertThat(l.employer()).isEqualTo(4_264L);
            assertThat(l.worker()).isEqualTo(4_264L);
            assertThat(l.total()).isEqualTo(8_528L);
            assertThat(l.rate()).isEqualByComparingTo(new BigDecimal("0.01"));
            assertThat(l.provisional()).isTrue();
            assertThat(l.ruleId()).isEqualTo("UNE-CON-01");
        }
        // the other schemes' lines are those of the baseline
        assertThat(on.contributions().stream().filter(l -> l.scheme() != Scheme.UNEMPLOYMENT).toList())
                .isEqualTo(base.contributions());
    }

    /**
     * The wage is clamped to the illustrative bounds: 1,500,000 → 1,200,000 (× 0.005 = 6,000 each, 12,000 in all);
     * 300,000 → 400,000 (× 0.005 = 2,000 each, 4,000 in all).
     */
    @Test
    void unemploymentContribution_isOnTheWageClampedToTheFloorAndCeiling() {
        Assessment high = ON.assess(AssessmentRequest.of(employee(1_500_000, null), LocalDate.of(2027, 1, 31)), Locale.ENGLISH);
        ContributionLine h = line(high, YearMonth.of(2027, 1));
        assertThat(List.of(h.contributableWage(), h.employer(), h.worker(), h.total())).containsExactly(1_200_000L, 6_000L, 6_000L, 12_000L);
        Assessment low = ON.assess(AssessmentRequest.of(employee(300_000, null), LocalDate.of(2027, 1, 31)), Locale.ENGLISH);
        ContributionLine l = line(low, YearMonth.of(2027, 1));
        assertThat(List.of(l.contributableWage(), l.employer(), l.worker(), l.total())).containsExactly(400_000L, 2_000L, 2_000L, 4_000L);
    }

    /** Switched on, the scheme covers employees only (the reference gives it no scope): a self-employed person is not covered. */
    @Test
    void unemploymentSwitchedOn_leavesTheSelfEmployedOutside_andWaitsForTheEmploymentStart() {
        Assessment se = ON.assess(AssessmentRequest.of(selfEmployedMan(), LocalDate.of(2027, 3, 31)), Locale.ENGLISH);
        assertThat(se.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(ids(se.coverage(Scheme.UNEMPLOYMENT))).contains("UNE-COV-05");
        assertThat(se.contributions()).noneMatch(x -> x.scheme() == Scheme.UNEMPLOYMENT);
        Assessment later = ON.assess(AssessmentRequest.of(employee(852_800, LocalDate.of(2027, 6, 1)), LocalDate.of(2027, 3, 31)), Locale.ENGLISH);
        assertThat(later.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(ids(later.coverage(Scheme.UNEMPLOYMENT))).contains("UNE-COV-04");
    }

    /**
     * Switched on without rates: the employee is covered, the contribution is undetermined (a note, no line). Switched
     * on from 2008: in June 2008, before any registration duty (November 2008, §2.1), no employee is covered; in 2016,
     * before the registration threshold fell to 1 worker on 2018-01-01 (§2.1: 8 workers until 2017), an enterprise of
     * 5 workers need not register (not covered, no contribution due); with the size unknown, coverage needs it.
     */
    @Test
    void unemploymentSwitchedOnWithoutRates_coversButComputesNoContribution_andFollowsRegistration() {
        Assessment a = ON_WITHOUT_VALUES.assess(AssessmentRequest.of(employee(852_800, null), LocalDate.of(2027, 3, 31)), Locale.ENGLISH);
        assertThat(a.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.COVERED);
        assertThat(ids(a.coverage(Scheme.UNEMPLOYMENT))).contains("UNE-COV-01", "UNE-CON-02").doesNotContain("UNE-CON-00");
        assertThat(a.contributions()).noneMatch(x -> x.scheme() == Scheme.UNEMPLOYMENT);

        Assessment small = ON_WITHOUT_VALUES.assess(AssessmentRequest.of(smallEnterpriseEmployee(5), LocalDate.of(2016, 6, 30)), Locale.ENGLISH);
        assertThat(small.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(ids(small.coverage(Scheme.UNEMPLOYMENT))).contains("UNE-COV-02", "REG-02", "UNE-CON-03");
        Assessment unknown = ON_WITHOUT_VALUES.assess(AssessmentRequest.of(smallEnterpriseEmployee(null), LocalDate.of(2016, 6, 30)), Locale.ENGLISH);
        assertThat(unknown.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NEEDS_INFORMATION);
        assertThat(ids(unknown.coverage(Scheme.UNEMPLOYMENT))).contains("UNE-COV-03", "REG-03", "UNE-CON-03");
        Assessment early = ON_WITHOUT_VALUES.assess(AssessmentRequest.of(smallEnterpriseEmployee(20), LocalDate.of(2008, 6, 30)), Locale.ENGLISH);
        assertThat(early.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(ids(early.coverage(Scheme.UNEMPLOYMENT))).contains("UNE-COV-06");
        assertThat(early.coverage(Scheme.OCCUPATIONAL_RISK).outcome()).isEqualTo(Outcome.NOT_IN_FORCE);
    }

    // ------------------------------------------------------------------ profiles

    /** A self-employed woman born 1990 with the given voluntary history, giving birth on 2025-06-10 (39 weeks, notified 2025-02-01). */
    static WorkerProfile member(List<ContributionPeriod> history) {
        return WorkerProfile.builder("srey").birthDate(LocalDate.of(1990, 7, 1)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.SELF_EMPLOYED)
                .history(history).event(new Childbirth(LocalDate.of(2025, 6, 10), 1, 39, LocalDate.of(2025, 2, 1))).build();
    }

    static List<ContributionPeriod> paidVoluntary(YearMonth from, YearMonth to) {
        return List.of(voluntary(from, to));
    }

    static ContributionPeriod voluntary(YearMonth from, YearMonth to) {
        return new ContributionPeriod(from, to, Money.khr(0), true, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null);
    }

    static WorkerProfile abandonedMember() {
        return member(List.of(voluntary(YearMonth.of(2023, 4), YearMonth.of(2023, 5)), voluntary(YearMonth.of(2024, 1), YearMonth.of(2025, 5))));
    }

    /** An employee born 1990, paid from 2026-10 to 2027-03 at the given wage. */
    static WorkerProfile employee(long wage, LocalDate employmentStart) {
        return WorkerProfile.builder("vanna").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .employmentStart(employmentStart)
                .period(ContributionPeriod.paid(YearMonth.of(2026, 10), YearMonth.of(2027, 3), Money.khr(wage))).build();
    }

    static WorkerProfile selfEmployedMan() {
        return WorkerProfile.builder("sok").birthDate(LocalDate.of(1985, 2, 20)).sex(Sex.MALE).employmentStatus(EmploymentStatus.SELF_EMPLOYED).build();
    }

    /** An employee paid from January to June 2016 whose enterprise has the given number of workers (null: unknown). */
    static WorkerProfile smallEnterpriseEmployee(Integer workers) {
        return WorkerProfile.builder("bopha").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .enterpriseWorkers(workers)
                .period(new ContributionPeriod(YearMonth.of(2016, 1), YearMonth.of(2016, 6), Money.khr(600_000), true, Set.of(), workers, null)).build();
    }

    // ------------------------------------------------------------------ helpers

    static Decision benefit(Assessment a, Benefit b) {
        List<Decision> ds = a.decisions().stream().filter(d -> d.benefit() == b).toList();
        assertThat(ds).as("%s decisions", b).hasSize(1);
        return ds.get(0);
    }

    static ContributionLine line(Assessment a, YearMonth m) {
        List<ContributionLine> ls = a.contributions().stream().filter(l -> l.scheme() == Scheme.UNEMPLOYMENT && l.month().equals(m)).toList();
        assertThat(ls).as("unemployment line of %s", m).hasSize(1);
        return ls.get(0);
    }

    static Set<String> ids(Decision d) {
        Set<String> out = new LinkedHashSet<>();
        for (Reason r : d.reasons()) out.add(r.ruleId());
        return out;
    }

    static Set<String> ruleIds(Assessment a) {
        Set<String> out = new LinkedHashSet<>();
        for (Decision d : a.decisions()) out.addAll(ids(d));
        for (ContributionLine l : a.contributions()) out.add(l.ruleId());
        return out;
    }

    /** @return the parameter file (relative to parameters/) of a parameter id */
    static String file(String id) {
        return id.replace('.', '/') + ".yaml";
    }

    /** @return the standard text of a parameter file with one more dated value at its end, as a reform would add it */
    static String appended(String id, String date, String value, String instrument) {
        String text = STANDARD_PARAMETERS.get(file(id));
        assertThat(text).as("parameter file of %s", id).isNotNull();
        assertThat(text.strip().lines().filter(l -> !l.startsWith(" ")).reduce((a, b) -> b).orElseThrow())
                .as("the last top-level key of %s is values:, so an entry can be appended", id).isEqualTo("values:");
        return text.stripTrailing() + "\n"
                + "  " + date + ":\n"
                + "    value: " + value + "\n"
                + "    source: {instrument: " + instrument + ", article: \"\"}\n"
                + "    confidence: provisional\n"
                + "    note: \"test: illustrative value switched on by ReformSwitchTests, not from any law\"\n";
    }

    static RuleSet ruleSet(Map<String, String> replaced) {
        Map<String, String> parameters = new LinkedHashMap<>(STANDARD_PARAMETERS);
        for (String f : replaced.keySet()) assertThat(parameters).as("replaced files exist").containsKey(f);
        parameters.putAll(replaced);
        return RuleSet.build(ResourceFiles.read("legal-sources", ".yaml"), parameters, RuleBase.standardDrl());
    }
}
