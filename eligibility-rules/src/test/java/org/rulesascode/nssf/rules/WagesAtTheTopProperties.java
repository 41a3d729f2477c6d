package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.ProfileJson;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wages and counts driven to the top of their documented ranges ({@link Limits}): every declared wage at or near
 * {@value Limits#MAX_RIEL} riel (or 1,000,000 US dollars at up to 100,000 riel per dollar), events repeated towards
 * the most a profile may hold, the most dependants. No arithmetic may overflow silently: every amount is
 * non-negative, every contribution line's total is its employer's plus its worker's share, and a month's shares are
 * at most its contributable wage (a flat voluntary contribution has none). Seeded; the seed and case are printed on failure.
 */
class WagesAtTheTopProperties {
    static final int CASES = 60;

    static Money top(RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> Money.khr(Limits.MAX_RIEL);
            case 1 -> Money.khr(Limits.MAX_RIEL - r.nextLong(1_000_000L));
            default -> Money.usd(Limits.MAX_USD, Limits.MAX_EXCHANGE_RATE);
        };
    }

    static WorkerProfile atTheTop(WorkerProfile p, RandomGenerator r) {
        List<ContributionPeriod> history = new ArrayList<>();
        for (ContributionPeriod c : p.history()) {
            history.add(new ContributionPeriod(c.from(), c.to(), top(r), c.paid(), c.schemes(), c.enterpriseWorkers(), c.employerId()));
        }
        List<LifeEvent> events = new ArrayList<>();
        int copies = p.events().isEmpty() ? 0 : Math.max(1, Math.min(Limits.MAX_EVENTS / p.events().size(), 1 + r.nextInt(20)));
        for (int k = 0; k < copies; k++) events.addAll(p.events());
        WorkerProfile.Builder b = p.toBuilder().wage(top(r)).history(history).events(events)
                .enterpriseWorkers(Limits.MAX_ENTERPRISE_WORKERS);
        int dependants = r.nextInt(Limits.MAX_PERSONS - p.dependants().size() + 1);
        for (int k = 0; k < dependants; k++) {
            b.dependant(new Person(org.rulesascode.nssf.eligibility.Relation.CHILD, p.birthDate().plusYears(20).plusDays(k), false, false));
        }
        return b.build();
    }

    static void assertConsistent(Assessment a) {
        for (ContributionLine l : a.contributions()) {
            assertThat(l.employer()).as("employer share %s", l).isNotNegative();
            assertThat(l.worker()).as("worker share %s", l).isNotNegative();
            assertThat(l.total()).as("total %s", l).isEqualTo(l.employer() + l.worker());
            assertThat(l.contributableWage()).as("contributable wage %s", l).isBetween(0L, Limits.MAX_RIEL);
            if (l.rate() != null) { // a flat voluntary contribution has no rate and no contributable wage
                assertThat(l.total()).as("total at most the contributable wage %s", l).isLessThanOrEqualTo(l.contributableWage());
            }
        }
        for (Decision d : a.decisions()) {
            if (d.entitlement() == null) continue;
            if (d.entitlement().amount() != null) assertThat(d.entitlement().amount()).as("amount of %s", d.benefit()).isNotNegative();
            if (d.entitlement().durationDays() != null) assertThat(d.entitlement().durationDays()).isNotNegative();
        }
        for (ComplianceFinding f : a.compliance()) {
            if (f.missingContributions() != null) assertThat(f.missingContributions()).as("missing contributions %s", f.issue()).isNotNegative();
        }
    }

    @Test
    void wagesAndCountsAtTheTopOfTheirRanges_giveNonNegativeConsistentAmounts() {
        long seed = Property.seed();
        List<ProfileCase> cases = WorkerProfiles.any().withLifeEvents().sample(seed, CASES);
        for (int i = 0; i < cases.size(); i++) {
            RandomGenerator r = Property.random(Property.caseSeed(seed, i));
            ProfileCase c = cases.get(i);
            WorkerProfile p = atTheTop(c.profile(), r);
            try {
                assertConsistent(Assessments.fresh(AssessmentRequest.of(p, c.asOf())));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed=" + seed + ", case #" + i + ", as of " + c.asOf() + ": " + e.getMessage()
                        + "\nprofile: " + ProfileJson.write(p), e);
            }
        }
    }

    /**
     * The issue's silent wrong answer, at the largest accepted wage: an employee with two years of service and the
     * same declared wage of 100,000,000,000 riel every month has an employer's maternity pay of half that wage a
     * month (Labour Law art. 183: half the wage during the leave), 50,000,000,000 riel, not an overflowed negative.
     */
    @Test
    void employersMaternityPay_atTheLargestWage_isHalfTheWage() {
        Money wage = Money.khr(Limits.MAX_RIEL);
        WorkerProfile p = WorkerProfile.builder("top").birthDate(LocalDate.of(1995, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).wage(wage).employmentStart(LocalDate.of(2023, 1, 2))
                .period(ContributionPeriod.paid(YearMonth.of(2023, 1), YearMonth.of(2025, 5), wage))
                .event(new Childbirth(LocalDate.of(2025, 6, 2), 1, 39, LocalDate.of(2025, 2, 1))).build();
        Assessment a = Assessments.fresh(AssessmentRequest.of(p, LocalDate.of(2025, 6, 30)));
        Decision pay = a.decisions().stream().filter(d -> d.benefit() == Benefit.EMPLOYER_MATERNITY_PAY).findFirst().orElseThrow();
        assertThat(pay.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(pay.entitlement().amount()).isEqualTo(50_000_000_000L);
        assertConsistent(a);
        assertThat(new BigDecimal(pay.entitlement().amount())).isEqualByComparingTo(BigDecimal.valueOf(Limits.MAX_RIEL).divide(BigDecimal.valueOf(2)));
    }
}
