package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The occupational-risk survivors' pension with named survivors. These are the disabled
 * cases at the end of {@code cases/occupational_risk/benefits.yaml}, run here because CaseTests does not yet read the
 * {@code survivors} of a DEATH event; the profiles and the hand computations are the same.
 */
class OccupationalRiskBenefitTests {
    private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
    private static final LocalDate DEATH = LocalDate.of(2025, 6, 10);
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /** An employee paid {@code wage} from 2020-01 to 2025-05 who died of an employment injury on 2025-06-10. */
    private static Assessment died(LocalDate birth, long wage, Person... survivors) {
        WorkerProfile p = WorkerProfile.builder("or-survivors").birthDate(birth).sex(Sex.MALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(YearMonth.of(2020, 1), YearMonth.of(2025, 5), Money.khr(wage)))
                .event(new Death(DEATH, true, List.of(survivors)))
                .build();
        return ENGINE.assess(new AssessmentRequest(p, AS_OF, EnumSet.of(Scheme.OCCUPATIONAL_RISK)));
    }

    private static Decision decision(Assessment a, Benefit b) {
        List<Decision> ds = a.decisions().stream().filter(d -> d.scheme() == Scheme.OCCUPATIONAL_RISK && d.benefit() == b).toList();
        assertThat(ds).as("decisions for %s", b).hasSize(1);
        return ds.get(0);
    }

    private static List<String> ruleIds(Decision d) {
        return d.reasons().stream().map(Reason::ruleId).toList();
    }

    private static Person person(Relation r, LocalDate birth) {
        return new Person(r, birth, false, false);
    }

    /** 852,800 → 875,000 (§3.2); DAW 875,000 ÷ 30 = 29,166.67 (§12 3d); × 56 % = 16,333.33 → 16,333 a day (§12 3b). */
    @Test
    void survivorsPension_widowAlone_56PercentOfTheDailyAverageWagePerDay() {
        Assessment a = died(LocalDate.of(1990, 1, 1), 852_800, person(Relation.SPOUSE, LocalDate.of(1992, 4, 4)));
        Decision d = decision(a, Benefit.SURVIVORS_PENSION);
        assertThat(d.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(ruleIds(d)).contains("OR-FUN-01", "OR-SUR-01", "OR-SUR-10");
        assertThat(d.entitlement().amount()).isEqualTo(16_333L);
        assertThat(d.entitlement().period()).isEqualTo(AmountPeriod.PER_DAY);
        assertThat(d.entitlement().estimate()).isTrue();
        assertThat(d.provisional()).isTrue();
        assertThat(d.provisionalParameters()).contains("occupational_risk.benefits.survivors.single_group_rate",
                "occupational_risk.benefits.daily_average_wage.days_divisor");
        Decision f = decision(a, Benefit.FUNERAL_GRANT);
        assertThat(f.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(f.entitlement().amount()).isEqualTo(4_000_000L);
    }

    /** 400,000 → 375,000 (§3.2 rank 5); 375,000 ÷ 30 = 12,500; × 56 % = 7,000 a day (§12 3b). */
    @Test
    void survivorsPension_childrenAlone_56PercentOfTheDailyAverageWagePerDay() {
        Assessment a = died(LocalDate.of(1990, 1, 1), 400_000,
                person(Relation.CHILD, LocalDate.of(2015, 1, 1)), person(Relation.CHILD, LocalDate.of(2018, 1, 1)));
        Decision d = decision(a, Benefit.SURVIVORS_PENSION);
        assertThat(d.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(ruleIds(d)).contains("OR-SUR-01", "OR-SUR-10");
        assertThat(d.entitlement().amount()).isEqualTo(7_000L);
    }

    /** Only the spouse-only and children-only rate is known (§12 3b): a mixed family is eligible, amount undetermined. */
    @Test
    void survivorsPension_spouseAndChild_eligibleWithTheAmountUndetermined() {
        Assessment a = died(LocalDate.of(1990, 1, 1), 852_800,
                person(Relation.SPOUSE, LocalDate.of(1992, 4, 4)), person(Relation.CHILD, LocalDate.of(2020, 2, 2)));
        Decision d = decision(a, Benefit.SURVIVORS_PENSION);
        assertThat(d.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(ruleIds(d)).contains("OR-SUR-01", "OR-SUR-11").doesNotContain("OR-SUR-10");
        assertThat(d.entitlement().amount()).isNull();
        assertThat(d.entitlement().undeterminedReason()).contains("more than one group");
    }

    /** Parents from 55; 60 on 2025-06-10; the parents-only rate rose in Oct 2018 to an unknown value (§1, §12 3b). */
    @Test
    void survivorsPension_motherAged60Alone_eligibleWithTheAmountUndetermined() {
        Assessment a = died(LocalDate.of(1995, 1, 1), 852_800, person(Relation.PARENT, LocalDate.of(1965, 3, 3)));
        Decision d = decision(a, Benefit.SURVIVORS_PENSION);
        assertThat(d.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(ruleIds(d)).contains("OR-SUR-01", "OR-SUR-11");
        assertThat(d.entitlement().amount()).isNull();
        assertThat(d.entitlement().undeterminedReason()).contains("parents only");
    }

    /** 50 < 55 and no spouse or child → no survivors' pension; the funeral grant does not depend on survivors (§12 3a, 3b). */
    @Test
    void survivorsPension_fatherAged50Alone_notEligible() {
        Assessment a = died(LocalDate.of(2000, 1, 1), 852_800, person(Relation.PARENT, LocalDate.of(1975, 3, 3)));
        Decision d = decision(a, Benefit.SURVIVORS_PENSION);
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ruleIds(d)).contains("OR-SUR-02", "OR-SUR-13").doesNotContain("OR-SUR-01");
        assertThat(decision(a, Benefit.FUNERAL_GRANT).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    /** A parent's birth date missing: alone, nobody can be shown to qualify; beside a spouse, the family case is unknown. */
    @Test
    void survivorsPension_parentWithoutBirthDate_needsInformationAloneAndUndeterminedBesideASpouse() {
        Decision alone = decision(died(LocalDate.of(1995, 1, 1), 852_800, person(Relation.PARENT, null)), Benefit.SURVIVORS_PENSION);
        assertThat(alone.outcome()).isEqualTo(Outcome.NEEDS_INFORMATION);
        assertThat(ruleIds(alone)).contains("OR-SUR-03", "OR-SUR-14");
        Decision withSpouse = decision(died(LocalDate.of(1995, 1, 1), 852_800,
                person(Relation.SPOUSE, LocalDate.of(1996, 1, 1)), person(Relation.PARENT, null)), Benefit.SURVIVORS_PENSION);
        assertThat(withSpouse.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(ruleIds(withSpouse)).contains("OR-SUR-01", "OR-SUR-11");
        assertThat(withSpouse.entitlement().amount()).isNull();
    }

    /** Other relatives are not survivors in the reference (§12 3b): named but none qualifies. */
    @Test
    void survivorsPension_otherRelativeOnly_notEligible() {
        Decision d = decision(died(LocalDate.of(1990, 1, 1), 852_800, person(Relation.OTHER, LocalDate.of(1960, 1, 1))), Benefit.SURVIVORS_PENSION);
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ruleIds(d)).contains("OR-SUR-02", "OR-SUR-13");
    }
}
