package org.rulesascode.nssf.testkit.invariants;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The invariants against {@link ToyEngine}: a correct toy passes them all, and each fault is caught by the invariant
 * meant for it, with the seed, a shrunk case and its JSON in the report.
 */
class InvariantsTests {
    static final long SEED = 7L;
    static final int COUNT = 300;
    static final WorkerProfiles CASES = WorkerProfiles.any().withLifeEvents();

    /** Which invariant catches which fault of the toy engine. */
    static final Map<ToyEngine.Fault, String> CAUGHT_BY = Map.of(
            ToyEngine.Fault.SHARE_ROUNDING, "conservation",
            ToyEngine.Fault.NO_CAP, "caps and floors",
            ToyEngine.Fault.INVERSE_AMOUNT, "monotone in the wage",
            ToyEngine.Fault.INVERSE_MONTHS, "monotone in contribution months",
            ToyEngine.Fault.NONDETERMINISTIC, "deterministic",
            ToyEngine.Fault.FIRST_PERIOD_WAGE, "history order irrelevant",
            ToyEngine.Fault.EVENT_ORDER, "event order irrelevant",
            ToyEngine.Fault.FUTURE_MONTHS, "facts after the as-of date ignored",
            ToyEngine.Fault.UNEXPLAINED, "refusals explained");

    @Test
    void aCorrectEnginePassesEveryStandardInvariant_andEachIsExercised() {
        InvariantReport report = InvariantRunner.run(ToyEngine.correct(), CASES, COUNT, SEED, Invariants.standard());
        assertThat(report.passed()).as(report.summary()).isTrue();
        for (InvariantReport.Result r : report.results()) {
            assertThat(r.checked()).as("cases %s applied to\n%s", r.name(), report.summary()).isGreaterThan(COUNT / 10);
        }
        assertThat(report.results()).extracting(InvariantReport.Result::name).containsExactlyInAnyOrderElementsOf(CAUGHT_BY.values());
    }

    @ParameterizedTest
    @EnumSource(ToyEngine.Fault.class)
    void eachFaultIsCaughtByItsInvariant_withTheSeedAndAShrunkCaseAsJson(ToyEngine.Fault fault) {
        InvariantReport report = InvariantRunner.run(ToyEngine.with(fault), CASES, COUNT, SEED, Invariants.standard());
        Set<String> failed = report.failures().stream().map(InvariantReport.Failure::invariant).collect(Collectors.toSet());
        assertThat(failed).as(report.summary()).contains(CAUGHT_BY.get(fault));
        InvariantReport.Failure f = report.failures().stream().filter(x -> x.invariant().equals(CAUGHT_BY.get(fault))).findFirst().orElseThrow();
        assertThat(f.seed()).isEqualTo(SEED);
        assertThat(f.describe()).contains("seed=" + SEED, "case #" + f.caseIndex(), "json:     {\"asOf\":\"" + f.shrunk().asOf() + "\"");
        assertThat(invariantFails(fault, f.shrunk())).as("the shrunk case still fails").isTrue();
        assertThatThrownBy(report::assertPassed).isInstanceOf(AssertionError.class).hasMessageContaining(CAUGHT_BY.get(fault));
    }

    private static boolean invariantFails(ToyEngine.Fault fault, ProfileCase c) {
        Invariant inv = Invariants.standard().stream().filter(i -> i.name().equals(CAUGHT_BY.get(fault))).findFirst().orElseThrow();
        return inv.check(ToyEngine.with(fault), c).failed();
    }

    @Test
    void shrinkingGivesASmallCounterexample() {
        InvariantReport report = InvariantRunner.run(ToyEngine.with(ToyEngine.Fault.NO_CAP), CASES, COUNT, SEED, List.of(Invariants.capsAndFloors()));
        ProfileCase shrunk = report.failures().get(0).shrunk();
        assertThat(shrunk.profile().history()).as(report.summary()).hasSize(1);
        assertThat(shrunk.profile().history().get(0).months()).isEqualTo(1);
        assertThat(shrunk.profile().events()).isEmpty();
        assertThat(shrunk.profile().dependants()).isEmpty();
    }

    @Test
    void aReformChangesOnlyWhatItNames() {
        EligibilityEngine baseline = ToyEngine.correct();
        EligibilityEngine higherRate = new ToyEngine(Set.of(), new BigDecimal("0.02"), 10, true);
        assertThat(InvariantRunner.run(higherRate, CASES, COUNT, SEED,
                List.of(Invariants.reformChangesOnlyWhatItNames(baseline, Set.of(ToyEngine.RATE_ID)))).passed()).isTrue();

        InvariantReport unnamed = InvariantRunner.run(higherRate, CASES, COUNT, SEED,
                List.of(Invariants.reformChangesOnlyWhatItNames(baseline, Set.of(ToyEngine.MAX_DAYS_ID))));
        assertThat(unnamed.passed()).isFalse();
        assertThat(unnamed.failures().get(0).message()).contains("contribution line", "uses none of the parameters the reform changes");

        // fewer days, named by the reform and by the decisions: passes; the same change hidden from the explanations: caught
        EligibilityEngine fewerDays = new ToyEngine(Set.of(), new BigDecimal("0.01"), 5, true);
        assertThat(InvariantRunner.run(fewerDays, CASES, COUNT, SEED,
                List.of(Invariants.reformChangesOnlyWhatItNames(baseline, Set.of(ToyEngine.MAX_DAYS_ID)))).passed()).isTrue();
        EligibilityEngine hidden = new ToyEngine(Set.of(), new BigDecimal("0.01"), 10, false);
        EligibilityEngine hiddenFewer = new ToyEngine(Set.of(), new BigDecimal("0.01"), 5, false);
        InvariantReport report = InvariantRunner.run(hiddenFewer, CASES, COUNT, SEED,
                List.of(Invariants.reformChangesOnlyWhatItNames(hidden, Set.of(ToyEngine.MAX_DAYS_ID))));
        assertThat(report.passed()).isFalse();
        assertThat(report.failures().get(0).message()).contains("SICKNESS_ALLOWANCE", "uses none of the parameters");
    }

    @Test
    void anExceptionOfTheEngineIsAFailure() {
        EligibilityEngine broken = new EligibilityEngine() {
            @Override
            public org.rulesascode.nssf.eligibility.Assessment assess(org.rulesascode.nssf.eligibility.AssessmentRequest r, java.util.Locale l) {
                if (r.profile().history().stream().anyMatch(x -> x.months() > 6)) throw new IllegalStateException("rule base gap");
                return ToyEngine.correct().assess(r, l);
            }

            @Override
            public String ruleSetVersion() {
                return "broken";
            }
        };
        InvariantReport report = InvariantRunner.run(broken, CASES, COUNT, SEED, List.of(Invariants.deterministic()));
        InvariantReport.Failure f = report.failures().get(0);
        assertThat(f.message()).contains("IllegalStateException: rule base gap");
        assertThat(f.shrunk().profile().history()).hasSize(1);
        assertThat(f.shrunk().profile().history().get(0).months()).isEqualTo(7);
    }

    @Test
    void aUserWritesAnInvariantAsALambda() {
        Invariant shortHistory = Invariant.of("at most 6 months a period", "made up for this test",
                (engine, c) -> Verdict.check(c.profile().history().stream().allMatch(x -> x.months() <= 6), "a period of more than 6 months"));
        Invariant asserted = Invariant.ofAssertions("assertion style", "", (engine, c) -> {
            if (c.profile().history().stream().anyMatch(x -> x.months() > 6)) throw new AssertionError("too long");
        });
        Invariant skipping = Invariant.of("only with events", "", (engine, c) ->
                c.profile().events().isEmpty() ? Verdict.notApplicable("no events") : Verdict.pass());
        InvariantReport report = InvariantRunner.run(ToyEngine.correct(), CASES, COUNT, SEED, List.of(shortHistory, asserted, skipping));
        assertThat(report.results().get(0).passed()).isFalse();
        assertThat(report.results().get(1).failure().message()).contains("AssertionError: too long");
        ContributionPeriod left = report.results().get(0).failure().shrunk().profile().history().get(0);
        assertThat(left.months()).isEqualTo(7);
        assertThat(report.results().get(2).passed()).isTrue();
        assertThat(report.results().get(2).notApplicable()).isPositive();
        assertThat(report.summary()).contains("at most 6 months a period", "FAILED (case #", "not applicable");
    }

    @Test
    void dynamicTestsGiveOneTestPerInvariant_thatFailsWithTheReport() throws Throwable {
        List<DynamicTest> tests = Invariants.dynamicTests(ToyEngine.with(ToyEngine.Fault.NO_CAP), WorkerProfiles.any(), 100, SEED,
                Invariants.conservation(), Invariants.capsAndFloors()).toList();
        assertThat(tests).extracting(DynamicTest::getDisplayName).allMatch(n -> n.startsWith("conservation: ") || n.startsWith("caps and floors: "));
        tests.get(0).getExecutable().execute();
        assertThatThrownBy(() -> tests.get(1).getExecutable().execute()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("invariant 'caps and floors' failed: seed=" + SEED).hasMessageContaining("json:");
    }

    @Test
    void countAndInvariantsAreChecked() {
        assertThatThrownBy(() -> InvariantRunner.run(ToyEngine.correct(), CASES, 0, SEED, Invariants.standard()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvariantRunner.run(ToyEngine.correct(), CASES, 10, SEED, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
