package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ComplianceIssue;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.TraceStep;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a compliance finding costs the worker: the benefit steps found by re-assessing a corrected profile, and the
 * corrected profiles themselves. The missing contributions are checked by the cases (cases/compliance/). Amounts are
 * worked out by hand from the law (docs/law.md): daily wage = average declared wage of the 6 months before the month of
 * delivery, banded (§3.2), ÷ 30, × 70 % (§12 4b); employer's pay = 50 % of the 12-month average (§5.2).
 */
class ComplianceCheckTests {
    static final Assessor ASSESSOR = new Assessor(RuleSet.standard());
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final Childbirth BIRTH = new Childbirth(LocalDate.of(2025, 6, 2), 1, 39, LocalDate.of(2025, 2, 1));

    static WorkerProfile.Builder garmentWorker() {
        return WorkerProfile.builder("c").birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .sector(Sector.GARMENT).wage(Money.usd(new BigDecimal("208"), new BigDecimal("4100"))).employmentStart(LocalDate.of(2024, 6, 1))
                .event(BIRTH);
    }

    static ComplianceFinding only(Assessment a, ComplianceIssue issue) {
        List<ComplianceFinding> fs = a.compliance().stream().filter(f -> f.issue() == issue).toList();
        assertThat(fs).as("findings of " + issue + " in " + a.compliance()).hasSize(1);
        return fs.get(0);
    }

    static TraceStep step(ComplianceFinding f, String descriptionStart) {
        List<TraceStep> s = f.costs().stream().filter(t -> t.description().startsWith(descriptionStart)).toList();
        assertThat(s).as("steps starting '" + descriptionStart + "' in " + f.costs()).hasSize(1);
        return s.get(0);
    }

    @Test
    void wageBelowMinimum_costsTheDifferenceInMaternityAllowanceAndEmployerPay() {
        WorkerProfile p = garmentWorker().period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2025, 5), Money.khr(700_000))).build();
        ComplianceFinding f = only(ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.ENGLISH), ComplianceIssue.WAGE_BELOW_MINIMUM);
        // As declared: 700,000 → 675,000 band → 22,500 a day × 0.70 = 15,750. At the minimum: Dec 2024 836,400 (US$204 × 4,100)
        // and Jan-May 2025 852,800 (US$208 × 4,100): average 5,100,400 / 6 = 850,066.67 → 850,067 → 875,000 band → 29,166.67 × 0.70
        // = 20,417. +4,667 a day, × 90 = 420,030.
        TraceStep maternity = step(f, "maternity allowance (health care), event of 2025-06-02");
        assertThat(maternity.formula()).isEqualTo("as declared: ELIGIBLE, 15,750 KHR per day for 90 days; declared at the minimum wage: ELIGIBLE, 20,417 KHR per day for 90 days");
        assertThat(maternity.result()).isEqualTo("+4,667 KHR per day (+420,030 KHR over 90 days)");
        // Employer: 50 % × 700,000 = 350,000; at the minimum (7 × 836,400 + 5 × 852,800) / 12 = 843,233.33 × 0.50 = 421,617.
        TraceStep employer = step(f, "employer maternity pay (health care), event of 2025-06-02");
        assertThat(employer.result()).isEqualTo("+71,617 KHR per month");
        // The State childbirth allowance does not depend on the wage: no step.
        assertThat(f.costs()).noneMatch(t -> t.description().startsWith("childbirth allowance"));
        assertThat(step(f, "contributions missing in all").result()).endsWith(" KHR");
        // In all, the value of what differs: the allowance 90 × 4,667 = 420,030; the employer's pay for 90 days of a
        // 30-day month, 3 × 421,617 − 3 × 350,000 = 1,264,851 − 1,050,000 = 214,851; together 634,881.
        assertThat(f.benefitsLost()).isEqualTo(634_881L);
    }

    @Test
    void unpaidMonths_costTheMaternityAllowanceWhenThePaidMonthsFallShort() {
        WorkerProfile p = garmentWorker()
                .period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2025, 1), Money.khr(852_800)))
                .period(new ContributionPeriod(YearMonth.of(2025, 2), YearMonth.of(2025, 5), Money.khr(852_800), false, Set.of(), null, null))
                .build();
        ComplianceFinding f = only(ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.ENGLISH), ComplianceIssue.UNPAID_CONTRIBUTIONS);
        assertThat(f.months()).isEqualTo("2025-02 to 2025-05");
        // 4 months × (OR 7,000 + HC 22,750 + pension 17,056 + 17,056) = 4 × 63,862 = 255,448.
        assertThat(f.missingContributions()).isEqualTo(255_448L);
        // 8 paid months of 12 < 9 → not eligible; paid, 12 → 852,800 → 875,000 band → 20,417 a day.
        TraceStep maternity = step(f, "maternity allowance (health care), event of 2025-06-02");
        assertThat(maternity.formula()).isEqualTo("as declared: NOT_ELIGIBLE; paid: ELIGIBLE, 20,417 KHR per day for 90 days");
        assertThat(maternity.result()).isEqualTo("ELIGIBLE instead of NOT_ELIGIBLE: 20,417 KHR per day for 90 days not received");
        TraceStep pension = step(f, "pension: contributions missing for 2025-02 to 2025-05");
        assertThat(pension.formula()).startsWith("employer 68,224 KHR + worker 68,224 KHR");
        assertThat(pension.result()).isEqualTo("136,448 KHR");
        // the allowance she does not get: 20,417 × 90 = 1,837,530 (the only benefit that differs)
        assertThat(f.benefitsLost()).isEqualTo(1_837_530L);
    }

    @Test
    void lateRegistration_costsTheMaternityAllowanceTheUndeclaredMonthsWouldHaveQualified() {
        WorkerProfile p = garmentWorker().employmentStart(LocalDate.of(2024, 6, 3))
                .period(ContributionPeriod.paid(YearMonth.of(2024, 10), YearMonth.of(2025, 5), Money.khr(852_800))).build();
        ComplianceFinding f = only(ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.ENGLISH), ComplianceIssue.LATE_REGISTRATION);
        assertThat(f.months()).isEqualTo("2024-06 to 2024-09");
        assertThat(f.missingContributions()).isEqualTo(4 * 63_862L);
        // Declared: October-May = 8 of the 12 months before June 2025 < 9. Registered from June 2024: 12 → 20,417 a day.
        TraceStep maternity = step(f, "maternity allowance (health care), event of 2025-06-02");
        assertThat(maternity.result()).isEqualTo("ELIGIBLE instead of NOT_ELIGIBLE: 20,417 KHR per day for 90 days not received");
        // Employer's pay: less than a year of service on 2025-06-02 (from 2024-06-03) either way: not eligible in both, no step.
        assertThat(f.costs()).noneMatch(t -> t.description().startsWith("employer maternity pay"));
        assertThat(f.benefitsLost()).isEqualTo(20_417L * 90);
    }

    @Test
    void withoutEvents_theCutDownCounterfactualGivesTheSameContributions() {
        WorkerProfile.Builder b = garmentWorker().employmentStart(LocalDate.of(2024, 3, 4))
                .period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2024, 9), Money.khr(700_000)))
                .period(new ContributionPeriod(YearMonth.of(2024, 10), YearMonth.of(2025, 5), Money.khr(760_000), false, Set.of(), 40, "E"));
        Assessment full = ASSESSOR.assess(AssessmentRequest.of(b.build(), AS_OF), Locale.ENGLISH);
        Assessment cut = ASSESSOR.assess(AssessmentRequest.of(b.events(List.of()).build(), AS_OF), Locale.ENGLISH);
        assertThat(cut.compliance()).hasSameSizeAs(full.compliance()).hasSize(3);
        for (int i = 0; i < full.compliance().size(); i++) {
            ComplianceFinding f = full.compliance().get(i);
            ComplianceFinding c = cut.compliance().get(i);
            assertThat(c.ruleId()).isEqualTo(f.ruleId());
            assertThat(c.months()).isEqualTo(f.months());
            assertThat(c.missingContributions()).isEqualTo(f.missingContributions());
            assertThat(c.costs()).isEqualTo(f.costs().stream().filter(t -> t.description().contains("contributions missing")).toList());
            assertThat(c.benefitsLost()).as("no event, no benefit lost").isZero();
        }
    }

    @Test
    void findingsWithoutTheFactsTheyNeed_haveNoAmountAndNoCosts() {
        WorkerProfile p = garmentWorker().wage(Money.khr(700_000))
                .period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2025, 5), Money.khr(700_000))).build();
        ComplianceFinding f = only(ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.ENGLISH), ComplianceIssue.WAGE_BELOW_MINIMUM);
        assertThat(f.ruleId()).isEqualTo("CMP-MW-03");
        assertThat(f.missingContributions()).isNull();
        assertThat(f.costs()).isEmpty();
        assertThat(f.benefitsLost()).as("no corrected history").isNull();
        assertThat(f.message()).contains("2024-06 to 2025-05", "no exchange rate");
    }

    @Test
    void theCounterfactualAssessmentHasNoComplianceFindings_soNothingRecurses() {
        WorkerProfile p = garmentWorker().period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2025, 5), Money.khr(700_000))).build();
        AssessmentRequest r = AssessmentRequest.of(p, AS_OF);
        assertThat(ASSESSOR.assess(r, Locale.ENGLISH).compliance()).isNotEmpty();
        Assessment without = ASSESSOR.assess(r, Locale.ENGLISH, false);
        assertThat(without.compliance()).isEmpty();
        assertThat(without.decisions()).isEqualTo(ASSESSOR.assess(r, Locale.ENGLISH).decisions());
        assertThat(without.contributions()).isEqualTo(ASSESSOR.assess(r, Locale.ENGLISH).contributions());
    }

    @Test
    void unpaidMonthsOf2025_areNotProvisional_theirRatesAndTablesAreConfirmedOrSecondary() {
        WorkerProfile p = garmentWorker().events(List.of())
                .period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2025, 1), Money.khr(852_800)))
                .period(new ContributionPeriod(YearMonth.of(2025, 2), YearMonth.of(2025, 5), Money.khr(852_800), false, Set.of(), null, null))
                .build();
        Assessment a = ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.ENGLISH);
        ComplianceFinding f = only(a, ComplianceIssue.UNPAID_CONTRIBUTIONS);
        // 2025: OR 0.8 % and HC 2.6 % on the 22-rank table (floor 200,000 'secondary'), pension 2 % + 2 %: none provisional (§3, §5.1, §6.1)
        assertThat(a.contributions()).noneMatch(l -> l.provisional());
        assertThat(f.provisional()).isFalse();
    }

    @Test
    void aWageBelowTheMinimumIn2017_isProvisional_becauseTheContributionLinesOfItsMonthsAre() {
        WorkerProfile p = garmentWorker().events(List.of()).employmentStart(LocalDate.of(2016, 12, 1)).enterpriseWorkers(850)
                .period(ContributionPeriod.paid(YearMonth.of(2017, 1), YearMonth.of(2017, 6), Money.khr(500_000))).build();
        Assessment a = ASSESSOR.assess(AssessmentRequest.of(p, LocalDate.of(2017, 12, 31)), Locale.ENGLISH);
        ComplianceFinding f = only(a, ComplianceIssue.WAGE_BELOW_MINIMUM);
        assertThat(f.months()).isEqualTo("2017-01 to 2017-06");
        assertThat(f.missingContributions()).isNotNull();
        // the 2017 minimum (US$153) is confirmed (§10): the rule's own parameters are not provisional ...
        assertThat(f.parameters()).isNotEmpty().noneMatch(u -> u.provisional());
        // ... but the assumed-wage table before 2018-10 (§3.1: only its ceiling is known) and the health-care months up to
        // 2017-12 (first contribution month unknown, §5.1) are: the lines the missing contributions come from are provisional
        assertThat(a.contributions()).isNotEmpty().allMatch(l -> l.provisional());
        assertThat(f.provisional()).isTrue();
    }

    @Test
    void provisionalCosts_lookOnlyAtTheBenefitDecisionsThatChange() {
        LocalDate day = LocalDate.of(2025, 6, 2);
        Decision firm = new Decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.NOT_ELIGIBLE, null, List.of(), List.of(), false, List.of(), day);
        Decision provisionalEligible = new Decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(20_417L, AmountPeriod.PER_DAY, 90, false, null), List.of(), List.of(), true, List.of("x"), day);
        Decision provisionalNotEligible = new Decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.NOT_ELIGIBLE, null,
                List.of(), List.of(), true, List.of("x"), day);
        assertThat(ComplianceCheck.provisionalCosts(List.of(firm), List.of(provisionalEligible))).isTrue();   // changed, provisional
        assertThat(ComplianceCheck.provisionalCosts(List.of(firm), List.of(provisionalNotEligible))).isFalse(); // unchanged: no cost step
        assertThat(ComplianceCheck.provisionalCosts(List.of(firm), List.of(firm))).isFalse();
    }

    @Test
    void findingsCarryCitationsParametersAndAKhmerMessage() {
        WorkerProfile p = garmentWorker().period(ContributionPeriod.paid(YearMonth.of(2024, 6), YearMonth.of(2025, 5), Money.khr(700_000))).build();
        ComplianceFinding en = only(ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.ENGLISH), ComplianceIssue.WAGE_BELOW_MINIMUM);
        assertThat(en.citations()).extracting(c -> c.instrument()).contains("prakas-211-2024");
        assertThat(en.parameters()).extracting(u -> u.id() + "=" + u.value() + "@" + u.effectiveFrom())
                .contains("minimum_wage.garment=204@2024-01-01", "minimum_wage.garment=208@2025-01-01", "minimum_wage.garment_probation=206@2025-01-01");
        assertThat(en.message()).contains("US$204 × 4100", "= 836,400 KHR", "US$208 × 4100", "= 852,800 KHR", "probation");
        ComplianceFinding km = only(ASSESSOR.assess(AssessmentRequest.of(p, AS_OF), Locale.forLanguageTag("km")), ComplianceIssue.WAGE_BELOW_MINIMUM);
        assertThat(km.message()).contains("ប្រាក់ឈ្នួលអប្បបរមា").isNotEqualTo(en.message());
        assertThat(km.missingContributions()).isEqualTo(en.missingContributions());
    }

    @Test
    void rewrite_replacesWagesAndPaidFlagsMonthByMonth_andMergesEqualNeighbours() {
        WorkerProfile p = garmentWorker()
                .period(new ContributionPeriod(YearMonth.of(2024, 1), YearMonth.of(2024, 6), Money.khr(700_000), false, Set.of(), 12, "E"))
                .build();
        int march = ParamTimeline.index(YearMonth.of(2024, 3));
        BitSet paid = new BitSet();
        paid.set(ParamTimeline.index(YearMonth.of(2024, 6)));
        WorkerProfile q = ComplianceCheck.rewrite(p, Map.of(march, Money.khr(800_000), march + 1, Money.khr(800_000)), paid);
        assertThat(q.history()).containsExactly(
                new ContributionPeriod(YearMonth.of(2024, 1), YearMonth.of(2024, 2), Money.khr(700_000), false, Set.of(), 12, "E"),
                new ContributionPeriod(YearMonth.of(2024, 3), YearMonth.of(2024, 4), Money.khr(800_000), false, Set.of(), 12, "E"),
                new ContributionPeriod(YearMonth.of(2024, 5), YearMonth.of(2024, 5), Money.khr(700_000), false, Set.of(), 12, "E"),
                new ContributionPeriod(YearMonth.of(2024, 6), YearMonth.of(2024, 6), Money.khr(700_000), true, Set.of(), 12, "E"));
    }
}
