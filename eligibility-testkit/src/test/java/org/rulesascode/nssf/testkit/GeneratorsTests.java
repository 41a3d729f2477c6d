package org.rulesascode.nssf.testkit;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeded generators of {@link WorkerProfiles#any()}, the domain shrinker and the property runner themselves. */
class GeneratorsTests {
    static final WorkerProfiles GEN = WorkerProfiles.any();

    @Test
    void theSameSeedGivesTheSameCases_andAnotherSeedOthers() {
        List<ProfileCase> a = Property.sample(7, 200, GEN);
        List<ProfileCase> b = Property.sample(7, 200, GEN);
        List<ProfileCase> c = Property.sample(8, 200, GEN);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(Property.draw(7, 150, GEN)).as("a case replays alone from its seed and index").isEqualTo(a.get(150));
    }

    @Test
    void generatedProfilesStayInTheirRanges_andReachEveryKindOfInput() {
        Set<String> seen = new TreeSet<>();
        for (ProfileCase c : Property.sample(Property.seed(), 3_000, GEN)) {
            WorkerProfile p = c.profile();
            assertThat(c.asOf()).isBetween(LocalDate.of(2008, 1, 1), LocalDate.of(2060, 12, 31));
            assertThat(p.birthDate()).isBetween(LocalDate.of(1950, 1, 1), LocalDate.of(2005, 12, 31));
            assertThat(p.history()).hasSizeBetween(1, 5);
            seen.add("status " + p.employmentStatus());
            seen.add("enterprise " + size(p.enterpriseWorkers()));
            int age = Period.between(p.birthDate(), c.asOf()).getYears();
            assertThat(age).isGreaterThanOrEqualTo(15);
            if (age >= 60) seen.add("aged 60 or more");
            if (age >= 58 && age <= 61) seen.add("aged 58 to 61");
            if (p.employmentStart() != null && p.employmentStart().isAfter(c.asOf())) seen.add("employment starts after as-of");
            if (!p.events().isEmpty()) seen.add("events");
            if (!p.dependants().isEmpty()) seen.add("dependants");
            ContributionPeriod previous = null;
            for (ContributionPeriod x : p.history()) {
                assertThat(x.from()).isBetween(YearMonth.of(2008, 1), YearMonth.of(2060, 12));
                assertThat(x.to()).isBetween(x.from(), YearMonth.of(2060, 12));
                Money w = x.declaredWage();
                if (w.currency() == Currency.KHR) {
                    assertThat(w.toRiel()).isBetween(0L, 3_000_000L);
                    if (w.toRiel() == 200_000 || w.toRiel() == 200_001 || w.toRiel() == 1_200_000 || w.toRiel() == 1_200_001) seen.add("wage on a bracket edge");
                } else {
                    assertThat(w.exchangeRate()).isPositive();
                    seen.add("USD wage");
                }
                if (!x.paid()) seen.add("unpaid months");
                if (!x.schemes().isEmpty()) seen.add("declared schemes");
                seen.add("period enterprise " + size(x.enterpriseWorkers()));
                if (previous != null) {
                    assertThat(x.from()).as("periods in date order, not overlapping").isAfter(previous.to());
                    seen.add(x.from().equals(previous.to().plusMonths(1)) ? "adjacent periods" : "gap between periods");
                }
                if (x.contains(YearMonth.from(c.asOf())) && !x.to().equals(YearMonth.from(c.asOf()))) seen.add("period running past as-of");
                previous = x;
            }
        }
        List<String> expected = new ArrayList<>();
        for (EmploymentStatus s : EmploymentStatus.values()) expected.add("status " + s);
        for (String s : List.of("unknown", "1-20", "large")) {
            expected.add("enterprise " + s);
            expected.add("period enterprise " + s);
        }
        expected.addAll(List.of("aged 60 or more", "aged 58 to 61", "employment starts after as-of", "events", "dependants",
                "wage on a bracket edge", "USD wage", "unpaid months", "declared schemes", "adjacent periods",
                "gap between periods", "period running past as-of"));
        assertThat(seen).containsAll(expected);
    }

    private static String size(Integer n) {
        return n == null ? "unknown" : n <= 20 ? "1-20" : "large";
    }

    @Test
    void aFailingPropertyReportsTheSeedTheCaseAndTheShrunkProfile() {
        Predicate<ProfileCase> shortPeriods = c -> c.profile().history().stream().allMatch(x -> x.months() <= 6);
        assertThatThrownBy(() -> Property.forAll("periods of at most 6 months", 42, 500, GEN.arbitrary(), shortPeriods))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("periods of at most 6 months failed")
                .hasMessageContaining("seed=42")
                .hasMessageContaining("-Dnssf.seed=42")
                .hasMessageContaining("case #")
                .hasMessageContaining("shrunk:")
                .hasMessageContaining("history [")
                .hasMessageContaining("json:     {\"asOf\":")
                .hasMessageContaining("the predicate returned false");
    }

    @Test
    void domainShrinkingLeavesOnePeriodJustTooLong_atTheTargetWage_withoutOptionalFields() {
        Predicate<ProfileCase> shortPeriods = c -> c.profile().history().stream().allMatch(x -> x.months() <= 6);
        ProfileCase failing = firstFailing(shortPeriods);
        Property.Shrunk<ProfileCase> s = Property.shrink(failing, new AssertionError(), new ProfileShrinker(), shortPeriods);
        WorkerProfile p = s.value().profile();
        assertThat(p.history()).hasSize(1);
        ContributionPeriod x = p.history().get(0);
        assertThat(x.months()).isEqualTo(7);
        assertThat(x.declaredWage()).isEqualTo(Money.khr(ProfileShrinker.TARGET_WAGE));
        assertThat(x.paid()).isTrue();
        assertThat(x.schemes()).isEmpty();
        assertThat(x.enterpriseWorkers()).isNull();
        assertThat(x.employerId()).isNull();
        assertThat(p.events()).isEmpty();
        assertThat(p.dependants()).isEmpty();
        assertThat(p.wage()).isNull();
        assertThat(p.employmentStart()).isNull();
        assertThat(p.enterpriseWorkers()).isNull();
        assertThat(p.sector()).isEqualTo(Sector.OTHER);
        assertThat(p.id()).isEqualTo("p");
        assertThat(s.value().asOf()).as("the as-of date is kept").isEqualTo(failing.asOf());
        assertThat(s.evaluations()).isLessThan(Property.MAX_SHRINK_EVALUATIONS);
        assertThat(s.value().toString()).contains("history [", "200000 KHR").doesNotContain("Money[");
    }

    @Test
    void aThrownFailureIsReportedWithItsMessage() {
        assertThatThrownBy(() -> Property.forAll("throws", 1, 10, Arbitrary.of(Gen.between(0, 9)), n -> {
            if (n >= 0) throw new IllegalStateException("rule base gap for " + n);
            return true;
        })).isInstanceOf(AssertionError.class)
                .hasMessageContaining("IllegalStateException: rule base gap for")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void shrinkingAnAlwaysFailingPropertyEndsWithAnEmptyHistory() {
        ProfileCase start = Property.draw(3, 0, GEN);
        Property.Shrunk<ProfileCase> s = Property.shrink(start, new AssertionError(), new ProfileShrinker(), c -> false);
        assertThat(s.value().profile().history()).isEmpty();
        assertThat(new ProfileShrinker().candidates(s.value())).isEmpty();
    }

    @Test
    void theSeedCanBeOverriddenWithASystemProperty() {
        String before = System.getProperty("nssf.seed");
        try {
            System.clearProperty("nssf.seed");
            assertThat(Property.seed()).isEqualTo(Property.DEFAULT_SEED);
            System.setProperty("nssf.seed", "12345");
            assertThat(Property.seed()).isEqualTo(12345L);
        } finally {
            if (before == null) System.clearProperty("nssf.seed"); else System.setProperty("nssf.seed", before);
        }
    }

    @Test
    void everyShrinkCandidateIsAValidRequest() {
        ProfileShrinker shrinker = new ProfileShrinker();
        for (ProfileCase c : Property.sample(11, 100, GEN)) {
            for (ProfileCase x : shrinker.candidates(c)) {
                assertThat(new AssessmentRequest(x.profile(), x.asOf(), EnumSet.allOf(Scheme.class))).isNotNull();
                assertThat(x).isNotEqualTo(c);
            }
        }
    }

    static ProfileCase firstFailing(Predicate<ProfileCase> p) {
        for (int i = 0; i < 10_000; i++) {
            ProfileCase c = Property.draw(Property.DEFAULT_SEED, i, GEN);
            if (!p.test(c)) return c;
        }
        throw new AssertionError("no failing case in 10,000");
    }
}
