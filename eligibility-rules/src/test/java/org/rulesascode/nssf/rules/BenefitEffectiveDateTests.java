package org.rulesascode.nssf.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boundary tables of the benefits: the day before, the day of and the day after each date at which a benefit
 * provision starts or changes. A benefit is judged under the law
 * of its event's date, so each row moves the event across the date. Expected values are read off the reference.
 */
class BenefitEffectiveDateTests {
    private static final EligibilityEngine ENGINE = EligibilityEngine.standard();

    private static Decision decision(Assessment a, Benefit benefit) {
        List<Decision> ds = a.decisions().stream().filter(d -> d.benefit() == benefit).toList();
        assertThat(ds).as("one %s decision in %s", benefit, a.decisions()).hasSize(1);
        return ds.get(0);
    }

    /** §5.3: the State childbirth allowance starts 2018-01-01 (400,000 a baby) and is 800,000 for one baby from 2023-08-01. */
    @ParameterizedTest(name = "birth on {0}: {1} {2}")
    @CsvSource({
            "2017-12-31, NOT_IN_FORCE, ",
            "2018-01-01, ELIGIBLE, 400000",
            "2018-01-02, ELIGIBLE, 400000",
            "2023-07-31, ELIGIBLE, 400000",
            "2023-08-01, ELIGIBLE, 800000",
            "2023-08-02, ELIGIBLE, 800000"})
    void childbirthAllowance_aroundItsStartAndItsIncrease_followsTheLawOfTheBirthDate(LocalDate birth, Outcome outcome, Long amount) {
        WorkerProfile p = WorkerProfile.builder("cba").birthDate(LocalDate.of(1995, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.INFORMAL)
                .event(new Childbirth(birth, 1, 38, birth.minusMonths(4))).build();
        Decision d = decision(ENGINE.assess(AssessmentRequest.of(p, birth.plusDays(10))), Benefit.CHILDBIRTH_ALLOWANCE);
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.entitlement() == null ? null : d.entitlement().amount()).isEqualTo(amount);
    }

    /**
     * §12 row 4a: births before 2018-04-25 need 9 consecutive months; from that date 9 of the last 12. The history
     * pays April-July 2017 and September 2017-March 2018: 11 of the 12 months before April 2018, but a run of 7.
     */
    @ParameterizedTest(name = "birth on {0}: maternity allowance {1}")
    @CsvSource({"2018-04-24, NOT_ELIGIBLE", "2018-04-25, ELIGIBLE", "2018-04-26, ELIGIBLE"})
    void maternityQualifyingRule_switchesFromConsecutiveToNineOfTwelve_on20180425(LocalDate birth, Outcome outcome) {
        WorkerProfile p = WorkerProfile.builder("mat").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).enterpriseWorkers(50)
                .period(ContributionPeriod.paid(YearMonth.of(2017, 4), YearMonth.of(2017, 7), Money.khr(600_000)))
                .period(ContributionPeriod.paid(YearMonth.of(2017, 9), YearMonth.of(2018, 3), Money.khr(600_000)))
                .event(new Childbirth(birth, 1, 38, birth.minusMonths(5))).build();
        Decision d = decision(ENGINE.assess(AssessmentRequest.of(p, birth.plusDays(5))), Benefit.MATERNITY_ALLOWANCE);
        assertThat(d.outcome()).isEqualTo(outcome);
    }

    /** §4.1: occupational-risk benefits exist from the scheme's start in November 2008 (no minimum contribution period). */
    @ParameterizedTest(name = "injury on {0}: temporary disability {1}")
    @CsvSource({"2008-10-31, NOT_IN_FORCE", "2008-11-01, ELIGIBLE", "2008-11-02, ELIGIBLE"})
    void temporaryDisability_aroundTheStartOfTheScheme_isNotInForceThenDecided(LocalDate injury, Outcome outcome) {
        WorkerProfile p = WorkerProfile.builder("or").birthDate(LocalDate.of(1980, 1, 1)).sex(Sex.MALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).enterpriseWorkers(20)
                .event(new WorkInjury(injury, false, 10, null)).build();
        Decision d = decision(ENGINE.assess(new AssessmentRequest(p, injury.plusDays(20), Set.of(
                org.rulesascode.nssf.eligibility.Scheme.OCCUPATIONAL_RISK))), Benefit.TEMPORARY_DISABILITY_ALLOWANCE);
        assertThat(d.outcome()).isEqualTo(outcome);
    }

    /** §6.1: the pension scheme is in force from 2022-07-01; a claim at 61 with no contribution month is then refused, not "not in force". */
    @ParameterizedTest(name = "claim on {0}: old-age pension {1}")
    @CsvSource({"2022-06-30, NOT_IN_FORCE", "2022-07-01, NOT_ELIGIBLE", "2022-07-02, NOT_ELIGIBLE"})
    void oldAgePension_aroundTheStartOfTheScheme_isNotInForceThenJudged(LocalDate claim, Outcome outcome) {
        WorkerProfile p = WorkerProfile.builder("pen").birthDate(LocalDate.of(1961, 1, 1)).sex(Sex.MALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE)
                .event(new RetirementClaim(claim)).build();
        Decision d = decision(ENGINE.assess(AssessmentRequest.of(p, claim.plusDays(1))), Benefit.OLD_AGE_PENSION);
        assertThat(d.outcome()).isEqualTo(outcome);
    }
}
