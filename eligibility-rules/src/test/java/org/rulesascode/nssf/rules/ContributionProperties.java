package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.WorkerProfiles;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.invariants.Invariants;
import org.rulesascode.nssf.rules.internal.Params;
import org.rulesascode.nssf.rules.internal.RuleSet;
import org.rulesascode.nssf.rules.internal.Scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the contribution lines (and of the assessment as a whole) over thousands of seeded profiles.
 * Legal numbers used as oracles come from the law (docs/law.md); the rule base's own
 * parameter tree is read only where the invariant is about "the table's ceiling".
 * Run with {@code -Dnssf.seed=N} to try other cases; the seed is printed on failure.
 */
class ContributionProperties {
    static final int CASES = 2_000;
    static final int COVERAGE_CASES = 3_000;
    static final Arbitrary<ProfileCase> PROFILES = WorkerProfiles.any().arbitrary();

    // The law (docs/law.md): first contribution month of each scheme
    static final YearMonth OR_START = YearMonth.of(2008, 11);      // §1 "Occupational-risk scheme operational Nov 2008"
    static final YearMonth HC_START = YearMonth.of(2016, 5);       // 1 May 2016 (three provinces first; the profile has no province)
    static final YearMonth PENSION_START = YearMonth.of(2022, 10); // §6.1 first contribution month
    static final YearMonth VHC_START = YearMonth.of(2023, 4);      // §2.2 rule 5: pilot from 2023-04-01
    static final long PENSION_FLOOR = 400_000L;                    // §3.3
    static final long PENSION_CEILING = 1_200_000L;                // §3.3
    static final int PENSION_AGE = 60;                             // §2.1 (also the voluntary health-care age limit, §2.2 rule 5)
    static final YearMonth TABLE_1_200_000 = YearMonth.of(2018, 10); // §3.1 row 3: the 22-rank table

    private static void forAll(String name, Predicate<ProfileCase> p) {
        Property.forAll(name, Property.seed(), CASES, PROFILES, p);
    }

    /** @return a short, lazily rendered description of a line for assertion messages */
    static Object show(ContributionLine l) {
        return new Object() {
            @Override
            public String toString() {
                return l.month() + " " + l.scheme() + " " + l.ruleId() + ": wage " + l.contributableWage() + ", rate " + l.rate()
                        + ", employer " + l.employer() + ", worker " + l.worker() + ", total " + l.total() + (l.paid() ? "" : ", unpaid");
            }
        };
    }

    private static Params params(YearMonth m) {
        return RuleSet.standard().timeline().at(m.atDay(1));
    }

    private static long share(long base, BigDecimal rate) {
        return BigDecimal.valueOf(base).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** @return the declared wage in riel of the history period containing {@code m} */
    private static long wageIn(WorkerProfile p, YearMonth m) {
        for (ContributionPeriod c : p.history()) if (c.contains(m)) return c.declaredWage().toRiel();
        throw new AssertionError("a line for " + m + " outside every history period");
    }

    // ------------------------------------------------------------------ amounts

    @Test
    void sharesAddUpToTheTotal_andNoAmountIsNegative() {
        forAll("employer + worker = total, amounts >= 0", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                assertThat(l.employer()).as("employer %s", show(l)).isNotNegative();
                assertThat(l.worker()).as("worker %s", show(l)).isNotNegative();
                assertThat(l.contributableWage()).as("contributable wage %s", show(l)).isNotNegative();
                assertThat(l.employer() + l.worker()).as("total %s", show(l)).isEqualTo(l.total());
            }
            return true;
        });
    }

    @Test
    void occupationalRiskAndHealthCareContributionsStayWithinRateTimesTheTablesCeiling() {
        forAll("OR/HC contribution <= rate x ceiling", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                if (l.scheme() != Scheme.OCCUPATIONAL_RISK && l.scheme() != Scheme.HEALTH_CARE) continue;
                Params p = params(l.month());
                boolean or = l.scheme() == Scheme.OCCUPATIONAL_RISK;
                Scale table = or ? p.getOrAssumedWage() : p.getHcAssumedWage();
                BigDecimal er = or ? p.getOrEmployerRate() : p.getHcEmployerRate();
                BigDecimal wr = or ? p.getOrWorkerRate() : p.getHcWorkerRate();
                assertThat(table).as("assumed-wage table in force for %s", show(l)).isNotNull();
                long ceiling = table.ceiling();
                assertThat(l.contributableWage()).as("assumed wage <= table ceiling %d: %s", ceiling, show(l)).isLessThanOrEqualTo(ceiling);
                assertThat(l.employer()).as("employer <= %s x %d: %s", er, ceiling, show(l)).isLessThanOrEqualTo(share(ceiling, er));
                assertThat(l.worker()).as("worker <= %s x %d: %s", wr, ceiling, show(l)).isLessThanOrEqualTo(share(ceiling, wr));
                assertThat(l.total()).as("total <= rate x ceiling: %s", show(l)).isLessThanOrEqualTo(share(ceiling, er) + share(ceiling, wr));
            }
            return true;
        });
    }

    @Test
    void occupationalRiskAndHealthCareAssumedWageFollowsTheBracketRuleOfTheRulesReference() {
        forAll("OR/HC assumed wage = bracket rule", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                if (l.scheme() != Scheme.OCCUPATIONAL_RISK && l.scheme() != Scheme.HEALTH_CARE) continue;
                long w = wageIn(c.profile(), l.month());
                if (!l.month().isBefore(TABLE_1_200_000)) {
                    assertThat(l.contributableWage()).as("assumed wage of %d KHR in %s", w, show(l)).isEqualTo(bracket(w));
                } else {
                    // §3.1 rows 1-2: ceiling 1,000,000 (wages >= 1,000,001 -> 1,000,000); the bands below are the rule base's choice
                    assertThat(l.contributableWage()).as("assumed wage of %d KHR in %s", w, show(l))
                            .isEqualTo(w >= 1_000_001 ? 1_000_000 : Math.min(bracket(w), 1_000_000));
                }
            }
            return true;
        });
    }

    /** 200,000 if W <= 200,000; 1,200,000 if W >= 1,200,001; else 200,000 + 50,000 k - 25,000. */
    static long bracket(long w) {
        if (w <= 200_000) return 200_000;
        if (w >= 1_200_001) return 1_200_000;
        long k = (w - 200_000 + 49_999) / 50_000;
        return 200_000 + 50_000 * k - 25_000;
    }

    @Test
    void linesUseTheRatesOfTheRulesReference() {
        forAll("rates and shares = the law's rates", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                YearMonth m = l.month();
                switch (l.scheme()) {
                    case OCCUPATIONAL_RISK -> rates(l, "0.008", "0");
                    case HEALTH_CARE -> {
                        if (m.isBefore(YearMonth.of(2018, 1))) rates(l, "0.013", "0.013"); else rates(l, "0.026", "0");
                    }
                    case PENSION -> {
                        String half = m.isBefore(YearMonth.of(2027, 10)) ? "0.02" : m.isBefore(YearMonth.of(2032, 10)) ? "0.04"
                                : m.isBefore(YearMonth.of(2042, 10)) ? "0.05375" : m.isBefore(YearMonth.of(2052, 10)) ? "0.0675" : "0.08125";
                        rates(l, half, half);
                    }
                    case VOLUNTARY_HEALTH_CARE -> {
                        assertThat(l.rate()).as("flat contribution has no rate: %s", show(l)).isNull();
                        assertThat(l.employer()).as("employer share of a voluntary contribution: %s", show(l)).isZero();
                        assertThat(l.worker()).as("flat 15,600 KHR (§5.1): %s", show(l)).isEqualTo(15_600L);
                    }
                    default -> throw new AssertionError("unexpected line " + show(l));
                }
            }
            return true;
        });
    }

    private static void rates(ContributionLine l, String employer, String worker) {
        BigDecimal er = new BigDecimal(employer);
        BigDecimal wr = new BigDecimal(worker);
        assertThat(l.rate()).as("total rate of %s", show(l)).isEqualByComparingTo(er.add(wr));
        assertThat(l.employer()).as("employer = %s x %d in %s", er, l.contributableWage(), show(l)).isEqualTo(share(l.contributableWage(), er));
        assertThat(l.worker()).as("worker = %s x %d in %s", wr, l.contributableWage(), show(l)).isEqualTo(share(l.contributableWage(), wr));
    }

    @Test
    void contributionsAreMonotoneInTheWage() {
        forAll("a higher wage never lowers a line", c -> {
            long raise = c.asOf().toEpochDay() % 2 == 0 ? 1 : 137_777;
            List<ContributionPeriod> higher = new ArrayList<>();
            for (ContributionPeriod p : c.profile().history()) {
                higher.add(new ContributionPeriod(p.from(), p.to(), Money.khr(p.declaredWage().toRiel() + raise), p.paid(),
                        p.schemes(), p.enterpriseWorkers(), p.employerId()));
            }
            Map<String, ContributionLine> low = byMonthAndScheme(Assessments.of(c));
            Map<String, ContributionLine> high = byMonthAndScheme(Assessments.of(c.with(c.profile().toBuilder().history(higher).build())));
            assertThat(high.keySet()).as("same months and schemes after a raise of %d KHR", raise).isEqualTo(low.keySet());
            low.forEach((k, l) -> {
                ContributionLine h = high.get(k);
                if (h.contributableWage() < l.contributableWage() || h.employer() < l.employer() || h.worker() < l.worker()
                        || h.total() < l.total()) {
                    throw new AssertionError("a raise of " + raise + " KHR lowered the line " + k + ": " + show(l) + " -> " + show(h));
                }
            });
            return true;
        });
    }

    private static Map<String, ContributionLine> byMonthAndScheme(Assessment a) {
        Map<String, ContributionLine> out = new TreeMap<>();
        for (ContributionLine l : a.contributions()) {
            ContributionLine previous = out.put(l.month() + " " + l.scheme(), l);
            if (previous != null) throw new AssertionError("two lines for " + l.month() + " " + l.scheme());
        }
        return out;
    }

    // ------------------------------------------------------------------ pension

    @Test
    void pensionContributableWageIsWithinFloorAndCeiling() {
        forAll("pension wage within [400,000, 1,200,000] and = clamp(wage)", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                if (l.scheme() != Scheme.PENSION) continue;
                assertThat(l.contributableWage()).as("%s", show(l)).isBetween(PENSION_FLOOR, PENSION_CEILING);
                long w = wageIn(c.profile(), l.month());
                assertThat(l.contributableWage()).as("clamp of %d KHR in %s", w, show(l))
                        .isEqualTo(Math.min(Math.max(w, PENSION_FLOOR), PENSION_CEILING));
            }
            return true;
        });
    }

    @Test
    void noPensionLineBeforeOctober2022_norFromTheMonthTheWorkerIs60OnItsFirstDay() {
        forAll("no pension line before 2022-10 or at 60+", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                if (l.scheme() != Scheme.PENSION) continue;
                assertThat(l.month()).as("%s", show(l)).isAfterOrEqualTo(PENSION_START);
                int age = Period.between(c.profile().birthDate(), l.month().atDay(1)).getYears();
                assertThat(age).as("age on the first day of %s (born %s)", l.month(), c.profile().birthDate()).isLessThan(PENSION_AGE);
            }
            return true;
        });
    }

    @Test
    void noVoluntaryHealthCareLineFromTheMonthTheMemberIs60OnItsFirstDay() {
        forAll("no voluntary health-care line at 60+", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                if (l.scheme() != Scheme.VOLUNTARY_HEALTH_CARE) continue;
                int age = Period.between(c.profile().birthDate(), l.month().atDay(1)).getYears();
                assertThat(age).as("age on the first day of %s (born %s), §2.2 rule 5: members are under 60", l.month(),
                        c.profile().birthDate()).isLessThan(PENSION_AGE);
            }
            return true;
        });
    }

    // ------------------------------------------------------------------ dates

    @Test
    void noLineBeforeItsSchemeStarts_andNeverAnUnemploymentLine() {
        Map<Scheme, YearMonth> start = new EnumMap<>(Scheme.class);
        start.put(Scheme.OCCUPATIONAL_RISK, OR_START);
        start.put(Scheme.HEALTH_CARE, HC_START);
        start.put(Scheme.PENSION, PENSION_START);
        start.put(Scheme.VOLUNTARY_HEALTH_CARE, VHC_START);
        forAll("no line before the scheme's start", c -> {
            for (ContributionLine l : Assessments.of(c).contributions()) {
                assertThat(l.scheme()).as("%s", show(l)).isNotEqualTo(Scheme.UNEMPLOYMENT);
                assertThat(l.month()).as("%s starts %s: %s", l.scheme(), start.get(l.scheme()), show(l))
                        .isAfterOrEqualTo(start.get(l.scheme()));
            }
            return true;
        });
    }

    @Test
    void noLineForAMonthAfterTheAsOfMonth() {
        forAll("no line after the as-of month", c -> {
            YearMonth last = YearMonth.from(c.asOf());
            for (ContributionLine l : Assessments.of(c).contributions()) {
                assertThat(l.month()).as("as of %s: %s", c.asOf(), show(l)).isBeforeOrEqualTo(last);
            }
            return true;
        });
    }

    @Test
    void historyAfterTheAsOfDateChangesNothing() {
        forAll("history after as-of is ignored", c -> {
            ProfileCase extended = Invariants.withFactsAfterAsOf(c);
            if (extended == null) return true;
            Assessment a = Assessments.of(c);
            Assessment b = Assessments.of(extended);
            // the later events are named as ignored, and nothing else differs
            assertThat(b.ignoredEvents()).as("ignored events, extended: %s", extended).isEqualTo(extended.request().eventsAfterAsOf());
            assertThat(new Assessment(b.profileId(), b.asOf(), b.ruleSetVersion(), b.decisions(), b.contributions(), b.compliance(),
                    a.ignoredEvents())).as("extended: %s", extended).isEqualTo(a);
            return true;
        });
    }

    /**
     * The coverage decision and the line of the as-of month judge the registration obligation on the same facts:
     * an employee already employed who owes an occupational-risk or health-care contribution for the as-of month
     * is covered by that scheme on the as-of date (age plays no part in these two schemes).
     */
    @Test
    void anEmployeeWithALineForTheAsOfMonthIsCoveredByThatScheme() {
        forAll("coverage agrees with the as-of month's line", c -> {
            WorkerProfile p = c.profile();
            if (p.employmentStatus() != EmploymentStatus.EMPLOYEE) return true;
            if (p.employmentStart() != null && p.employmentStart().isAfter(c.asOf())) return true;
            Assessment a = Assessments.of(c);
            for (ContributionLine l : a.contributions()) {
                if (!l.month().equals(YearMonth.from(c.asOf()))) continue;
                if (l.scheme() != Scheme.OCCUPATIONAL_RISK && l.scheme() != Scheme.HEALTH_CARE) continue;
                Decision d = a.coverage(l.scheme());
                assertThat(d.outcome()).as("%s coverage on %s with a line %s; reasons %s", l.scheme(), c.asOf(), show(l),
                        d.reasons().stream().map(r -> r.ruleId() + " " + r.status() + ": " + r.message()).toList()).isEqualTo(Outcome.COVERED);
            }
            return true;
        });
    }

    // ------------------------------------------------------------------ order and determinism

    @Test
    void theOrderOfHistoryEntriesDoesNotMatter() {
        forAll("history order does not matter", c -> {
            List<ContributionPeriod> shuffled = new ArrayList<>(c.profile().history());
            Collections.reverse(shuffled);
            Collections.shuffle(shuffled, new Random(c.asOf().toEpochDay()));
            ProfileCase other = c.with(c.profile().toBuilder().history(shuffled).build());
            Assessment a = Assessments.of(c);
            Assessment b = Assessments.of(other);
            assertThat(b.decisions()).as("decisions with history %s", shuffled).isEqualTo(a.decisions());
            assertThat(b.contributions()).as("lines with history %s", shuffled).isEqualTo(a.contributions());
            assertThat(b).isEqualTo(a);
            return true;
        });
    }

    @Test
    void theSameRequestTwiceGivesEqualAssessments() {
        forAll("determinism", c -> {
            AssessmentRequest r = c.request();
            assertThat(Assessments.fresh(r)).isEqualTo(Assessments.of(r));
            return true;
        });
    }

    // ------------------------------------------------------------------ the generators reach every outcome

    /** Coverage outcomes the current rule base can produce, per scheme. */
    static final Map<Scheme, Set<Outcome>> REACHABLE = new EnumMap<>(Map.of(
            Scheme.OCCUPATIONAL_RISK, EnumSet.of(Outcome.COVERED, Outcome.NOT_COVERED, Outcome.NOT_IN_FORCE, Outcome.NEEDS_INFORMATION),
            Scheme.HEALTH_CARE, EnumSet.of(Outcome.COVERED, Outcome.NOT_COVERED, Outcome.NOT_IN_FORCE, Outcome.NEEDS_INFORMATION),
            Scheme.PENSION, EnumSet.of(Outcome.COVERED, Outcome.NOT_COVERED, Outcome.NOT_IN_FORCE),
            Scheme.VOLUNTARY_HEALTH_CARE, EnumSet.of(Outcome.COVERED, Outcome.NOT_COVERED, Outcome.NOT_IN_FORCE),
            Scheme.UNEMPLOYMENT, EnumSet.of(Outcome.NOT_IN_FORCE)));

    /** Rules that compute contribution lines. */
    static final Set<String> LINE_RULES = Set.of("OR-CON-01", "HC-CON-01", "PEN-CON-01", "VHC-CON-01");

    @Test
    void theGeneratorsReachEveryCoverageOutcomeAndEveryContributionRule() {
        long seed = Property.seed();
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> rules = new TreeMap<>();
        for (String id : RuleSet.standard().rules().rules().keySet()) rules.put(id, 0);
        List<ProfileCase> cases = Property.sample(seed, COVERAGE_CASES, PROFILES.gen());
        for (ProfileCase c : cases) {
            Assessment a = Assessments.of(c);
            Set<String> reached = new TreeSet<>();
            for (Decision d : a.decisions()) {
                // benefit decisions (generated life events) are counted apart; the coverage pairs are checked below
                outcomes.merge(d.benefit() == Benefit.COVERAGE ? d.scheme() + " " + d.outcome()
                        : "benefit " + d.benefit() + " " + d.outcome(), 1, Integer::sum);
                for (Reason r : d.reasons()) reached.add(r.ruleId());
            }
            for (ContributionLine l : a.contributions()) reached.add(l.ruleId());
            reached.forEach(id -> rules.merge(id, 1, Integer::sum));
        }
        StringBuilder table = new StringBuilder("coverage counts over " + cases.size() + " cases, seed=" + seed + "\n");
        table.append(String.format("  %-24s %-18s %6s%n", "scheme", "outcome", "cases"));
        for (Scheme s : Scheme.values()) {
            for (Outcome o : Outcome.values()) {
                Integer n = outcomes.get(s + " " + o);
                if (n != null || REACHABLE.get(s).contains(o)) {
                    table.append(String.format("  %-24s %-18s %6d%s%n", s, o, n == null ? 0 : n, REACHABLE.get(s).contains(o) ? "" : "  (not expected)"));
                }
            }
        }
        table.append(String.format("  %-43s %6s%n", "rule id (cases where it is in a reason or line)", "cases"));
        rules.forEach((id, n) -> table.append(String.format("  %-43s %6d%s%n", id, n, n == 0 ? "  (never reached)" : "")));
        System.out.print(table);

        List<String> missing = new ArrayList<>();
        REACHABLE.forEach((s, os) -> os.forEach(o -> {
            if (!outcomes.containsKey(s + " " + o)) missing.add(s + " " + o);
        }));
        assertThat(missing).as("(scheme, outcome) pairs never reached by the generators\n%s", table).isEmpty();
        for (String id : LINE_RULES) assertThat(rules.get(id)).as("cases with a %s line\n%s", id, table).isPositive();
        for (String pair : outcomes.keySet()) {
            if (pair.startsWith("benefit ")) continue;
            Scheme s = Scheme.valueOf(pair.substring(0, pair.indexOf(' ')));
            Outcome o = Outcome.valueOf(pair.substring(pair.indexOf(' ') + 1));
            assertThat(REACHABLE.get(s)).as("outcome %s of %s: not one the rule base should give\n%s", o, s, table).contains(o);
        }
    }
}
