package org.rulesascode.nssf.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boundary tables for every effective date of the parameter files: the day (for coverage, decided on the as-of
 * date) or the month (for contributions, read on the month's first day) before, of and after each change.
 * Every expected value is computed by hand from the law (docs/law.md); the section is named beside each table. An empty
 * employer/worker cell means "no line at all" (a scheme not in force is never a zero line).
 */
class EffectiveDateTests {
    private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
    private static final LocalDate BORN_1990 = LocalDate.of(1990, 1, 1);

    // ------------------------------------------------------------------ occupational risk: 2008-11-01 (§1, §4.1)

    /** §1: OR operational November 2008; §2.1: an enterprise of 10 ≥ 8 workers must register. */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2008-10-31, NOT_IN_FORCE", "2008-11-01, COVERED", "2008-11-02, COVERED"})
    void occupationalRisk_asOfAroundSchemeStart_coveredFrom2008_11_01(LocalDate asOf, Outcome expected) {
        assertOutcome(employee(10), asOf, Scheme.OCCUPATIONAL_RISK, expected);
    }

    /** 300,000 → rank 3, 275,000 (§3.2); 0.8 % employer only (§4.1) = 2,200. */
    @ParameterizedTest(name = "{0}: employer {1}")
    @CsvSource({"2008-10, ,", "2008-11, 2200, 0", "2008-12, 2200, 0"})
    void occupationalRisk_monthAroundSchemeStart_lineFromNovember2008(YearMonth month, Long employer, Long worker) {
        assertLine(employee(10, month, 300_000), month, Scheme.OCCUPATIONAL_RISK, employer, worker);
    }

    // ------------------------------------------------------------------ health care: 2016-05-01 (first in three provinces)

    /** The scheme applied from 1 May 2016 in Phnom Penh, Kandal and Kampong Speu; the profile has no province. */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2016-04-30, NOT_IN_FORCE", "2016-05-01, COVERED", "2016-05-02, COVERED"})
    void healthCare_asOfAroundSchemeStart_coveredFrom2016_05_01(LocalDate asOf, Outcome expected) {
        assertOutcome(employee(10), asOf, Scheme.HEALTH_CARE, expected);
    }

    /** 500,000 → rank 7, 475,000 (assumed-wage table); 1.3 % employer + 1.3 % worker (Prakas 220) = 6,175 each. */
    @ParameterizedTest(name = "{0}: employer {1}, worker {2}")
    @CsvSource({"2016-04, ,", "2016-05, 6175, 6175", "2016-06, 6175, 6175"})
    void healthCare_monthAroundSchemeStart_splitLineFromMay2016(YearMonth month, Long employer, Long worker) {
        assertLine(employee(10, month, 500_000), month, Scheme.HEALTH_CARE, employer, worker);
    }

    /** §5.1: HC certainly in force with the employer-only rate from 2018-01-01; its 2016 start is U (provisional). */
    @ParameterizedTest(name = "as of {0}: provisional {1}")
    @CsvSource({"2017-12-31, true", "2018-01-01, false", "2018-01-02, false"})
    void healthCare_asOfAround2018_provisionalOnlyBefore2018(LocalDate asOf, boolean provisional) {
        Decision d = assess(employee(10), asOf).coverage(Scheme.HEALTH_CARE);
        assertEquals(Outcome.COVERED, d.outcome());
        assertEquals(provisional, d.provisional(), () -> "provisional parameters " + d.provisionalParameters());
    }

    // ------------------------------------------------------------------ public employees: 2018-01-01 (§2.2 rule 9, §8)

    @ParameterizedTest(name = "{1} as of {0}: {2}")
    @CsvSource({
            "2017-12-31, OCCUPATIONAL_RISK, NOT_IN_FORCE", "2018-01-01, OCCUPATIONAL_RISK, COVERED", "2018-01-02, OCCUPATIONAL_RISK, COVERED",
            "2017-12-31, HEALTH_CARE, NOT_IN_FORCE", "2018-01-01, HEALTH_CARE, COVERED", "2018-01-02, HEALTH_CARE, COVERED"})
    void publicEmployee_asOfAroundPublicSchemeStart_coveredFrom2018_01_01(LocalDate asOf, Scheme scheme, Outcome expected) {
        WorkerProfile p = WorkerProfile.builder("public").birthDate(BORN_1990).sex(Sex.MALE).employmentStatus(EmploymentStatus.PUBLIC_EMPLOYEE).build();
        assertOutcome(p, asOf, scheme, expected);
    }

    /** §8: no contribution rate for public employees in the reference: never a line, before or after the start. */
    @ParameterizedTest(name = "{0}: no line")
    @CsvSource({"2017-12", "2018-01", "2018-02"})
    void publicEmployee_monthAroundPublicSchemeStart_noLine(YearMonth month) {
        WorkerProfile p = WorkerProfile.builder("public").birthDate(BORN_1990).sex(Sex.MALE).employmentStatus(EmploymentStatus.PUBLIC_EMPLOYEE)
                .period(ContributionPeriod.paid(month, month, Money.khr(800_000))).build();
        assertEquals(List.of(), assess(p, month.atEndOfMonth()).contributions());
    }

    // ------------------------------------------------------------------ registration threshold 8 → 1: 2018-01-01 (§2.1)

    @ParameterizedTest(name = "{1}, 5 workers, as of {0}: {2}")
    @CsvSource({
            "2017-12-31, OCCUPATIONAL_RISK, NOT_COVERED", "2018-01-01, OCCUPATIONAL_RISK, COVERED", "2018-01-02, OCCUPATIONAL_RISK, COVERED",
            "2017-12-31, HEALTH_CARE, NOT_COVERED", "2018-01-01, HEALTH_CARE, COVERED", "2018-01-02, HEALTH_CARE, COVERED"})
    void smallEnterprise_asOfAroundRegistrationThreshold_coveredFrom2018_01_01(LocalDate asOf, Scheme scheme, Outcome expected) {
        assertOutcome(employee(5), asOf, scheme, expected);
    }

    @ParameterizedTest(name = "{1}, size unknown, as of {0}: {2}")
    @CsvSource({
            "2017-12-31, OCCUPATIONAL_RISK, NEEDS_INFORMATION", "2018-01-01, OCCUPATIONAL_RISK, COVERED", "2018-01-02, OCCUPATIONAL_RISK, COVERED",
            "2017-12-31, HEALTH_CARE, NEEDS_INFORMATION", "2018-01-01, HEALTH_CARE, COVERED", "2018-01-02, HEALTH_CARE, COVERED"})
    void unknownEnterpriseSize_asOfAroundRegistrationThreshold_decidedFrom2018_01_01(LocalDate asOf, Scheme scheme, Outcome expected) {
        assertOutcome(employee(null), asOf, scheme, expected);
    }

    /** The threshold itself before 2018: 8 workers (§2.1). */
    @ParameterizedTest(name = "{0} workers in 2017: {1}")
    @CsvSource({"7, NOT_COVERED", "8, COVERED", "9, COVERED"})
    void enterpriseSize_aroundEightWorkersIn2017_coveredFromEight(int workers, Outcome expected) {
        assertOutcome(employee(workers), LocalDate.of(2017, 6, 30), Scheme.OCCUPATIONAL_RISK, expected);
        assertOutcome(employee(workers), LocalDate.of(2017, 6, 30), Scheme.HEALTH_CARE, expected);
    }

    /** 5 workers, 600,000 → 575,000 (§3.2): OR 0.8 % = 4,600 once registration is due (2018-01). */
    @ParameterizedTest(name = "{0}: OR employer {1}")
    @CsvSource({"2017-12, ,", "2018-01, 4600, 0", "2018-02, 4600, 0"})
    void smallEnterprise_monthAroundRegistrationThreshold_lineFromJanuary2018(YearMonth month, Long employer, Long worker) {
        assertLine(employee(5, month, 600_000), month, Scheme.OCCUPATIONAL_RISK, employer, worker);
    }

    // ------------------------------------------------------------------ health-care split 1.3/1.3 → 2.6/0: 2018-01-01 (§5.1)

    /** 852,800 → 875,000 (§3.2); 1.3 % = 11,375 each until 2017-12; 2.6 % = 22,750 employer from 2018-01. */
    @ParameterizedTest(name = "{0}: employer {1}, worker {2}")
    @CsvSource({"2017-12, 11375, 11375", "2018-01, 22750, 0", "2018-02, 22750, 0"})
    void healthCareSplit_monthAround2018_employerPaysAllFromJanuary2018(YearMonth month, Long employer, Long worker) {
        assertLine(employee(10, month, 852_800), month, Scheme.HEALTH_CARE, employer, worker);
    }

    // ------------------------------------------------------------------ assumed-wage table 1,000,000 → 1,200,000: 2018-10 (§3.1, §12 row 7)

    /**
     * Ceiling 1,000,000 up to 2018-09 (§3.1 row 1), the 22-rank table from 2018-10 (§12 row 7). The bands below the old
     * ceiling follow the §3.2 bracket rule (the reference gives only the ceiling: provisional reading).
     */
    @ParameterizedTest(name = "{1} riel in {0}: assumed {2}, OR {3}, HC {4}")
    @CsvSource({
            "2018-09, 200000, 200000, 1600, 5200", "2018-10, 200000, 200000, 1600, 5200", "2018-11, 200000, 200000, 1600, 5200",
            "2018-09, 200001, 225000, 1800, 5850", "2018-10, 200001, 225000, 1800, 5850", "2018-11, 200001, 225000, 1800, 5850",
            "2018-09, 1000000, 975000, 7800, 25350", "2018-10, 1000000, 975000, 7800, 25350", "2018-11, 1000000, 975000, 7800, 25350",
            "2018-09, 1000001, 1000000, 8000, 26000", "2018-10, 1000001, 1025000, 8200, 26650", "2018-11, 1000001, 1025000, 8200, 26650",
            "2018-09, 1200000, 1000000, 8000, 26000", "2018-10, 1200000, 1175000, 9400, 30550", "2018-11, 1200000, 1175000, 9400, 30550",
            "2018-09, 1200001, 1000000, 8000, 26000", "2018-10, 1200001, 1200000, 9600, 31200", "2018-11, 1200001, 1200000, 9600, 31200"})
    void assumedWage_monthAroundTableChange_ceilingRisesInOctober2018(YearMonth month, long wage, long assumed, long or, long hc) {
        Assessment a = assess(employee(null, month, wage), month.atEndOfMonth());
        ContributionLine orLine = line(a, month, Scheme.OCCUPATIONAL_RISK);
        ContributionLine hcLine = line(a, month, Scheme.HEALTH_CARE);
        assertNotNull(orLine, "no OR line");
        assertNotNull(hcLine, "no HC line");
        assertEquals(assumed, orLine.contributableWage(), "OR assumed wage");
        assertEquals(or, orLine.employer(), "OR employer");
        assertEquals(assumed, hcLine.contributableWage(), "HC assumed wage");
        assertEquals(hc, hcLine.employer(), "HC employer");
    }

    /** §12 row 7: the first month of the 1,200,000 ceiling is unknown (provisional), the table is confirmed by 2019. */
    @ParameterizedTest(name = "{0}: provisional {1}")
    @CsvSource({"2018-12, true", "2019-01, false", "2019-02, false"})
    void assumedWage_monthAround2019_confirmedFromJanuary2019(YearMonth month, boolean provisional) {
        Assessment a = assess(employee(null, month, 1_500_000), month.atEndOfMonth());
        for (Scheme s : List.of(Scheme.OCCUPATIONAL_RISK, Scheme.HEALTH_CARE)) {
            ContributionLine l = line(a, month, s);
            assertNotNull(l, "no line for " + s);
            assertEquals(1_200_000, l.contributableWage());
            assertEquals(provisional, l.provisional(), s + " provisional");
        }
    }

    /** §12 row 6: the 400,000 pension floor of 2022-10 does not change the OR/HC table (200,000 floor kept). */
    @ParameterizedTest(name = "{0}: OR {1}, HC {2}")
    @CsvSource({"2022-09, 1600, 5200", "2022-10, 1600, 5200", "2022-11, 1600, 5200"})
    void assumedWageFloor_monthAroundPensionStart_staysAt200000(YearMonth month, long or, long hc) {
        Assessment a = assess(employee(null, month, 150_000), month.atEndOfMonth());
        assertEquals(or, line(a, month, Scheme.OCCUPATIONAL_RISK).employer());
        assertEquals(hc, line(a, month, Scheme.HEALTH_CARE).employer());
        assertEquals(200_000, line(a, month, Scheme.HEALTH_CARE).contributableWage());
    }

    // ------------------------------------------------------------------ pension: in force 2022-07-01, contributions 2022-10 (§6.1)

    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2022-06-30, NOT_IN_FORCE", "2022-07-01, COVERED", "2022-07-02, COVERED"})
    void pension_asOfAroundEntryIntoForce_coveredFrom2022_07_01(LocalDate asOf, Outcome expected) {
        assertOutcome(employee(null), asOf, Scheme.PENSION, expected);
    }

    /** 852,800 within 400,000–1,200,000 (§3.3) × 2 % = 17,056 each, from the first contribution month 2022-10. */
    @ParameterizedTest(name = "{0}: employer {1}, worker {2}")
    @CsvSource({"2022-09, ,", "2022-10, 17056, 17056", "2022-11, 17056, 17056"})
    void pension_monthAroundFirstContribution_lineFromOctober2022(YearMonth month, Long employer, Long worker) {
        assertLine(employee(null, month, 852_800), month, Scheme.PENSION, employer, worker);
    }

    /**
     * §6.1 phases on a 1,000,000 wage: 4 % (2 + 2) → 8 % (4 + 4) from 2027-10 → 10.75 % (5.375 each) from 2032-10 →
     * 13.50 % (6.75 each) from 2042-10 → 16.25 % (8.125 each) from 2052-10. Born 2000: under 60 throughout.
     */
    @ParameterizedTest(name = "{0}: {1} each")
    @CsvSource({
            "2027-09, 20000", "2027-10, 40000", "2027-11, 40000",
            "2032-09, 40000", "2032-10, 53750", "2032-11, 53750",
            "2042-09, 53750", "2042-10, 67500", "2042-11, 67500",
            "2052-09, 67500", "2052-10, 81250", "2052-11, 81250"})
    void pensionRate_monthAroundPhaseChange_risesInOctober(YearMonth month, long share) {
        WorkerProfile p = WorkerProfile.builder("phases").birthDate(LocalDate.of(2000, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).period(ContributionPeriod.paid(month, month, Money.khr(1_000_000))).build();
        assertLine(p, month, Scheme.PENSION, share, share);
    }

    /** §3.3 floor 400,000 and ceiling 1,200,000 from the first contribution month: 2 % of the clamped wage. */
    @ParameterizedTest(name = "{0} riel: base {1}, {2} each")
    @CsvSource({"399999, 400000, 8000", "400000, 400000, 8000", "400001, 400001, 8000",
            "1199999, 1199999, 24000", "1200000, 1200000, 24000", "1200001, 1200000, 24000"})
    void pensionWage_aroundFloorAndCeiling_clamped(long wage, long base, long share) {
        YearMonth m = YearMonth.of(2022, 10);
        ContributionLine l = line(assess(employee(null, m, wage), m.atEndOfMonth()), m, Scheme.PENSION);
        assertNotNull(l);
        assertEquals(base, l.contributableWage());
        assertEquals(share, l.employer());
        assertEquals(share, l.worker());
    }

    // ------------------------------------------------------------------ pension age limit 60 (§2.1, §2.2 rules 2–3)

    /** Compulsory while under 60 on the first day of the month: July 2025. */
    @ParameterizedTest(name = "born {0}: July 2025 line {1}")
    @CsvSource({"1965-06-01, false", "1965-06-15, false", "1965-07-01, false", "1965-07-02, true", "1965-08-01, true"})
    void pensionAgeLimit_birthDateAroundJuly1965_julyLineOnlyIfUnder60OnJuly1(LocalDate born, boolean line) {
        YearMonth july = YearMonth.of(2025, 7);
        WorkerProfile p = WorkerProfile.builder("age").birthDate(born).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(july, july, Money.khr(852_800))).build();
        assertLine(p, july, Scheme.PENSION, line ? 17_056L : null, line ? 17_056L : null);
    }

    /** Coverage on the as-of date: 60th birthday 2025-06-15. */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2025-06-14, COVERED", "2025-06-15, NOT_COVERED", "2025-06-16, NOT_COVERED"})
    void pensionAgeLimit_asOfAround60thBirthday_notCoveredFromBirthday(LocalDate asOf, Outcome expected) {
        WorkerProfile p = WorkerProfile.builder("age").birthDate(LocalDate.of(1965, 6, 15)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).build();
        assertOutcome(p, asOf, Scheme.PENSION, expected);
    }

    // ------------------------------------------------------------------ voluntary health care: 2023-04-01, 2023-11-14 (§2.2 rule 5, §5.1)

    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2023-03-31, NOT_IN_FORCE", "2023-04-01, COVERED", "2023-04-02, COVERED",
            "2023-11-13, COVERED", "2023-11-14, COVERED", "2023-11-15, COVERED"})
    void voluntaryHealthCare_asOfAroundPilotAndSubDecree280_memberFrom2023_04_01(LocalDate asOf, Outcome expected) {
        assertOutcome(selfEmployed(LocalDate.of(1985, 2, 20), YearMonth.of(2023, 3), YearMonth.of(2023, 12)), asOf,
                Scheme.VOLUNTARY_HEALTH_CARE, expected);
    }

    /** Flat 15,600 paid by the member from 2023-04, unchanged by Sub-decree 280 of 2023-11-14 (§5.1). */
    @ParameterizedTest(name = "{0}: member {2}")
    @CsvSource({"2023-03, ,", "2023-04, 0, 15600", "2023-05, 0, 15600", "2023-10, 0, 15600", "2023-11, 0, 15600", "2023-12, 0, 15600"})
    void voluntaryHealthCare_monthAroundPilotAndSubDecree280_flat15600FromApril2023(YearMonth month, Long employer, Long worker) {
        assertLine(selfEmployed(LocalDate.of(1985, 2, 20), month, month), month, Scheme.VOLUNTARY_HEALTH_CARE, employer, worker);
    }

    /** Sub-decree 280 (from 2023-11-14): members under 60 (§2.1). Born 1963-01-01: 60 since 2023-01-01. */
    @ParameterizedTest(name = "aged 60 as of {0}: {1}")
    @CsvSource({"2023-11-14, NOT_COVERED", "2023-11-15, NOT_COVERED"})
    void voluntaryHealthCareAgeLimit_asOfFromSubDecree280_sixtyYearOldNotCovered(LocalDate asOf, Outcome expected) {
        assertOutcome(selfEmployed(LocalDate.of(1963, 1, 1), YearMonth.of(2023, 11), YearMonth.of(2023, 11)), asOf,
                Scheme.VOLUNTARY_HEALTH_CARE, expected);
    }

    /** Under 60 on the as-of date: a member; 60 from the birthday on: not (§2.1). */
    @ParameterizedTest(name = "as of {0}: {1}")
    @CsvSource({"2024-06-14, COVERED", "2024-06-15, NOT_COVERED", "2024-06-16, NOT_COVERED"})
    void voluntaryHealthCareAgeLimit_asOfAround60thBirthday_notCoveredFromBirthday(LocalDate asOf, Outcome expected) {
        assertOutcome(selfEmployed(LocalDate.of(1964, 6, 15), YearMonth.of(2024, 6), YearMonth.of(2024, 6)), asOf,
                Scheme.VOLUNTARY_HEALTH_CARE, expected);
    }

    /**
     * §2.2 rule 6, §12: more than 6 months without payment = abandonment (parameter from 2023-04-01). Paid April 2023,
     * then {@code unpaid} unpaid months from May; the as-of date is the end of the following month, when all of them are
     * past their due date (15th of the following month, §5.1).
     */
    @ParameterizedTest(name = "{0} unpaid months: {1}")
    @CsvSource({"5, COVERED", "6, COVERED", "7, NOT_COVERED"})
    void voluntaryHealthCareAbandonment_unpaidMonthsAroundSix_abandonedAfterMoreThanSix(int unpaid, Outcome expected) {
        YearMonth may = YearMonth.of(2023, 5);
        YearMonth lastUnpaid = may.plusMonths(unpaid - 1L);
        WorkerProfile p = WorkerProfile.builder("abandon").birthDate(LocalDate.of(1985, 2, 20)).sex(Sex.MALE)
                .employmentStatus(EmploymentStatus.SELF_EMPLOYED)
                .period(new ContributionPeriod(YearMonth.of(2023, 4), YearMonth.of(2023, 4), Money.khr(0), true, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null))
                .period(new ContributionPeriod(may, lastUnpaid, Money.khr(0), false, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null))
                .build();
        assertOutcome(p, lastUnpaid.plusMonths(1).atEndOfMonth(), Scheme.VOLUNTARY_HEALTH_CARE, expected);
    }

    // ------------------------------------------------------------------ unemployment: 2019-11-03 entry, value false (§7)

    @ParameterizedTest(name = "as of {0}: NOT_IN_FORCE")
    @CsvSource({"2019-11-02", "2019-11-03", "2019-11-04"})
    void unemployment_asOfAround2019Law_neverInForce(LocalDate asOf) {
        Assessment a = assess(employee(null, YearMonth.from(asOf), 852_800), asOf);
        assertEquals(Outcome.NOT_IN_FORCE, a.coverage(Scheme.UNEMPLOYMENT).outcome());
        assertTrue(a.contributions().stream().noneMatch(l -> l.scheme() == Scheme.UNEMPLOYMENT));
    }

    // ------------------------------------------------------------------ helpers

    private static Assessment assess(WorkerProfile p, LocalDate asOf) {
        return ENGINE.assess(AssessmentRequest.of(p, asOf));
    }

    /** An employee born 1990-01-01, no history; enterpriseWorkers may be null (unknown). */
    private static WorkerProfile employee(Integer enterpriseWorkers) {
        return WorkerProfile.builder("employee").birthDate(BORN_1990).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .enterpriseWorkers(enterpriseWorkers).build();
    }

    /** An employee born 1990-01-01 who worked {@code month} at {@code wage} riel. */
    private static WorkerProfile employee(Integer enterpriseWorkers, YearMonth month, long wage) {
        return employee(enterpriseWorkers).toBuilder().period(ContributionPeriod.paid(month, month, Money.khr(wage))).build();
    }

    private static WorkerProfile selfEmployed(LocalDate born, YearMonth from, YearMonth to) {
        return WorkerProfile.builder("self").birthDate(born).sex(Sex.MALE).employmentStatus(EmploymentStatus.SELF_EMPLOYED)
                .period(new ContributionPeriod(from, to, Money.khr(0), true, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null)).build();
    }

    private static ContributionLine line(Assessment a, YearMonth month, Scheme scheme) {
        List<ContributionLine> found = a.contributions().stream().filter(l -> l.month().equals(month) && l.scheme() == scheme).toList();
        assertTrue(found.size() <= 1, "more than one " + scheme + " line for " + month);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void assertOutcome(WorkerProfile p, LocalDate asOf, Scheme scheme, Outcome expected) {
        Decision d = assess(p, asOf).coverage(scheme);
        assertEquals(expected, d.outcome(), () -> scheme + " on " + asOf + ": " + d.reasons().stream()
                .map(r -> r.ruleId() + " " + r.status()).collect(Collectors.joining(", ")));
    }

    /** Null employer and worker: no line at all for the month (never a zero line). */
    private static void assertLine(WorkerProfile p, YearMonth month, Scheme scheme, Long employer, Long worker) {
        Assessment a = assess(p, month.atEndOfMonth());
        ContributionLine l = line(a, month, scheme);
        if (employer == null && worker == null) {
            assertEquals(null, l, () -> "expected no " + scheme + " line for " + month + ", found " + l);
            return;
        }
        assertNotNull(l, () -> "expected a " + scheme + " line for " + month + "; lines: " + a.contributions().stream()
                .map(x -> x.month() + " " + x.scheme()).toList());
        assertEquals(employer, l.employer(), scheme + " " + month + " employer");
        assertEquals(worker, l.worker(), scheme + " " + month + " worker");
        assertEquals(employer + worker, l.total(), scheme + " " + month + " total");
    }
}
