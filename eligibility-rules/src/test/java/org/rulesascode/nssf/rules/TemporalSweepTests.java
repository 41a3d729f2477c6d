package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweeps the whole date range of the rule base with fixed profiles: every month end from 2008-01 to 2060-12, and
 * every day around each date on which a parameter changes or a profile turns 60. The engine throws
 * IllegalStateException on a gap (no coverage rule fired) or an overlap (two outcomes for one scheme); the sweep
 * finds both, and checks one coverage decision per requested scheme.
 */
class TemporalSweepTests {
    static final EligibilityEngine ENGINE = EligibilityEngine.standard();
    static final YearMonth FIRST = YearMonth.of(2008, 1);
    static final YearMonth LAST = YearMonth.of(2060, 12);
    static final int DAYS_AROUND = 7;

    /** First day each scheme is in force (health care: 1 May 2016, first in three provinces). */
    static final Map<Scheme, LocalDate> IN_FORCE = new EnumMap<>(Map.of(
            Scheme.OCCUPATIONAL_RISK, LocalDate.of(2008, 11, 1),
            Scheme.HEALTH_CARE, LocalDate.of(2016, 5, 1),
            Scheme.PENSION, LocalDate.of(2022, 7, 1),
            Scheme.VOLUNTARY_HEALTH_CARE, LocalDate.of(2023, 4, 1)));

    static List<WorkerProfile> profiles() {
        Money khr = Money.khr(1_500_000);
        Money low = Money.khr(180_000);
        Money usd = Money.usd(new BigDecimal("320.50"), new BigDecimal("4100"));
        return List.of(
                // employees: enterprise of 5 (below the pre-2018 threshold), turning 60 as the pension scheme starts
                profile("employee-5-sixty-in-2022", LocalDate.of(1962, 7, 15), EmploymentStatus.EMPLOYEE, 5, null,
                        period(FIRST, LAST, khr, null)),
                // enterprise of 8 (at the threshold), turning 60 on the first day of a month
                profile("employee-8-sixty-on-2024-01-01", LocalDate.of(1964, 1, 1), EmploymentStatus.EMPLOYEE, 8, null,
                        period(FIRST, YearMonth.of(2015, 6), low, null), period(YearMonth.of(2016, 1), YearMonth.of(2030, 12), khr, null)),
                // enterprise size unknown, born on 29 February, paid in dollars
                profile("employee-unknown-size-leap-day", LocalDate.of(1964, 2, 29), EmploymentStatus.EMPLOYEE, null, null,
                        period(FIRST, YearMonth.of(2019, 12), usd, null), unpaid(YearMonth.of(2020, 3), LAST, khr)),
                // size given per period only: 5 before 2018, 12 after
                profile("employee-size-per-period", LocalDate.of(1975, 5, 31), EmploymentStatus.EMPLOYEE, null, null,
                        period(FIRST, YearMonth.of(2017, 12), khr, 5), period(YearMonth.of(2018, 1), LAST, khr, 12)),
                // employment starts in 2030: not yet covered before
                profile("employee-starting-2030", LocalDate.of(1990, 10, 10), EmploymentStatus.EMPLOYEE, null, LocalDate.of(2030, 6, 15),
                        period(YearMonth.of(2030, 6), LAST, khr, null)),
                // old and young employees
                profile("employee-born-1950", LocalDate.of(1950, 1, 1), EmploymentStatus.EMPLOYEE, 20, null,
                        period(FIRST, YearMonth.of(2025, 12), khr, null)),
                profile("employee-born-2005", LocalDate.of(2005, 12, 31), EmploymentStatus.EMPLOYEE, 20, null,
                        period(YearMonth.of(2020, 1), LAST, low, null)),
                profile("public-employee", LocalDate.of(1970, 3, 3), EmploymentStatus.PUBLIC_EMPLOYEE, null, null,
                        period(FIRST, LAST, khr, null)),
                // self-employed, turning 60 on the day the nationwide voluntary scheme starts
                profile("self-employed-sixty-on-2023-11-14", LocalDate.of(1963, 11, 14), EmploymentStatus.SELF_EMPLOYED, null, null,
                        new ContributionPeriod(YearMonth.of(2023, 1), LAST, low, true, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null)),
                profile("self-employed-young", LocalDate.of(1995, 6, 1), EmploymentStatus.SELF_EMPLOYED, null, null,
                        period(FIRST, LAST, low, null)),
                profile("informal", LocalDate.of(1985, 8, 20), EmploymentStatus.INFORMAL, 3, null,
                        period(FIRST, LAST, low, 3)));
    }

    private static WorkerProfile profile(String id, LocalDate birth, EmploymentStatus status, Integer workers, LocalDate start,
                                         ContributionPeriod... history) {
        return WorkerProfile.builder(id).birthDate(birth).sex(Sex.FEMALE).employmentStatus(status)
                .sector(status == EmploymentStatus.PUBLIC_EMPLOYEE ? Sector.PUBLIC_ADMINISTRATION : Sector.GARMENT)
                .enterpriseWorkers(workers).employmentStart(start).history(List.of(history)).build();
    }

    private static ContributionPeriod period(YearMonth from, YearMonth to, Money wage, Integer workers) {
        return new ContributionPeriod(from, to, wage, true, Set.of(), workers, null);
    }

    private static ContributionPeriod unpaid(YearMonth from, YearMonth to, Money wage) {
        return new ContributionPeriod(from, to, wage, false, Set.of(), null, null);
    }

    /** @return every parameter change date and every 60th birthday of the profiles, within the accepted range */
    static Set<LocalDate> turningPoints(List<WorkerProfile> profiles) {
        Set<LocalDate> out = new TreeSet<>(RuleSet.standard().parameters().changeDates());
        out.addAll(IN_FORCE.values());
        for (WorkerProfile p : profiles) out.add(p.birthDate().plusYears(60));
        out.removeIf(d -> d.isBefore(AssessmentRequest.FIRST_DATE) || d.isAfter(AssessmentRequest.LAST_DATE));
        return out;
    }

    @Test
    void everyMonthEndFrom2008To2060GivesOneCoverageDecisionPerScheme() {
        List<LocalDate> dates = new ArrayList<>();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) dates.add(m.atEndOfMonth());
        List<String> problems = sweep(profiles(), dates, List.of(EnumSet.allOf(Scheme.class)));
        assertThat(problems).as("%d months x %d profiles", dates.size(), profiles().size()).isEmpty();
    }

    @Test
    void everyDayAroundEachChangeDateGivesOneCoverageDecisionPerScheme() {
        List<WorkerProfile> profiles = profiles();
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate d : turningPoints(profiles)) {
            for (int k = -DAYS_AROUND; k <= DAYS_AROUND; k++) {
                LocalDate x = d.plusDays(k);
                if (!x.isBefore(AssessmentRequest.FIRST_DATE) && !x.isAfter(AssessmentRequest.LAST_DATE)) days.add(x);
            }
        }
        List<String> problems = sweep(profiles, new ArrayList<>(days), List.of(EnumSet.allOf(Scheme.class)));
        assertThat(problems).as("%d days x %d profiles", days.size(), profiles.size()).isEmpty();
    }

    @Test
    void eachSchemeAskedAloneAroundEachChangeDateGivesExactlyItsDecision() {
        List<WorkerProfile> profiles = profiles();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d : turningPoints(profiles)) {
            days.add(d);
            if (d.isAfter(AssessmentRequest.FIRST_DATE)) days.add(d.minusDays(1));
        }
        List<Set<Scheme>> requests = new ArrayList<>();
        for (Scheme s : Scheme.values()) requests.add(EnumSet.of(s));
        requests.add(EnumSet.of(Scheme.PENSION, Scheme.VOLUNTARY_HEALTH_CARE));
        List<String> problems = sweep(profiles, days, requests);
        assertThat(problems).isEmpty();
    }

    /**
     * Assesses every profile on every date for every scheme set, in parallel over profiles (the engine is
     * thread-safe); returns the problems found, sorted, at most 50.
     */
    static List<String> sweep(List<WorkerProfile> profiles, List<LocalDate> dates, List<Set<Scheme>> schemeSets) {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger assessed = new AtomicInteger();
        profiles.parallelStream().forEach(p -> {
            for (LocalDate d : dates) {
                for (Set<Scheme> schemes : schemeSets) {
                    if (problems.size() > 50) return;
                    String where = p.id() + " on " + d + " asking " + schemes;
                    try {
                        Assessment a = ENGINE.assess(new AssessmentRequest(p, d, schemes));
                        assessed.incrementAndGet();
                        check(p, d, schemes, a, where, problems);
                    } catch (RuntimeException e) {
                        problems.add(where + ": " + e);
                    }
                }
            }
        });
        List<String> sorted = new ArrayList<>(problems);
        Collections.sort(sorted);
        System.out.println("temporal sweep: " + assessed.get() + " assessments, " + sorted.size() + " problems");
        return sorted;
    }

    private static void check(WorkerProfile p, LocalDate d, Set<Scheme> schemes, Assessment a, String where, List<String> problems) {
        for (Scheme s : Scheme.values()) {
            List<Decision> coverage = a.decisionsFor(s).stream().filter(x -> x.benefit() == Benefit.COVERAGE).toList();
            if (!schemes.contains(s)) {
                if (!a.decisionsFor(s).isEmpty()) problems.add(where + ": a decision for " + s + ", not asked for");
                continue;
            }
            if (coverage.size() != 1) {
                problems.add(where + ": " + coverage.size() + " coverage decisions for " + s);
                continue;
            }
            Outcome o = coverage.get(0).outcome();
            if (s == Scheme.UNEMPLOYMENT) {
                if (o != Outcome.NOT_IN_FORCE) problems.add(where + ": UNEMPLOYMENT is " + o);
                continue;
            }
            LocalDate start = IN_FORCE.get(s);
            if (d.isBefore(start) && o != Outcome.NOT_IN_FORCE) problems.add(where + ": " + s + " is " + o + " before " + start);
            boolean publicBefore = p.employmentStatus() == EmploymentStatus.PUBLIC_EMPLOYEE
                    && (s == Scheme.OCCUPATIONAL_RISK || s == Scheme.HEALTH_CARE) && d.isBefore(publicStart());
            if (!d.isBefore(start) && !publicBefore && o == Outcome.NOT_IN_FORCE) {
                problems.add(where + ": " + s + " NOT_IN_FORCE from " + start);
            }
        }
        for (var l : a.contributions()) {
            if (!schemes.contains(l.scheme())) problems.add(where + ": a " + l.scheme() + " line, not asked for");
            if (l.month().isAfter(YearMonth.from(d))) problems.add(where + ": a line for " + l.month());
        }
    }

    /** The first day of the public-employee schemes, as the parameter tree dates it (reference: "2017/2018"). */
    static LocalDate publicStart() {
        return RuleSet.standard().parameters().get("public_employees.in_force").entries().get(0).from();
    }
}
