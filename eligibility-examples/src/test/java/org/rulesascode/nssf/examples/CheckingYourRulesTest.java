package org.rulesascode.nssf.examples;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.testkit.WorkerProfiles;
import org.rulesascode.nssf.testkit.invariants.Invariant;
import org.rulesascode.nssf.testkit.invariants.Invariants;
import org.rulesascode.nssf.testkit.invariants.Verdict;

/**
 * What a user of the library writes to check an engine with {@code eligibility-testkit} (see the README, "Testing your
 * rules with eligibility-testkit"): the ready-made invariants over generated garment workers, an invariant of one's
 * own, and a reform checked with them; each a JUnit 5 dynamic test that fails with the seed and the shrunk profile as
 * JSON.
 */
class CheckingYourRulesTest {
    static final EligibilityEngine ENGINE = EligibilityEngine.standard();
    static final long SEED = 42L;

    @TestFactory
    Stream<DynamicTest> theReadyMadeInvariantsHoldForGarmentWorkers() {
        return Invariants.dynamicTests(ENGINE,
                WorkerProfiles.employees().inSector(Sector.GARMENT).withHistoryMonths(12, 48).withLifeEvents(),
                100, SEED, Invariants.standard());
    }

    @TestFactory
    Stream<DynamicTest> anInvariantOfMyOwn() {
        Invariant noPensionBeforeOctober2022 = Invariant.of("no pension contribution before 2022-10",
                "Sub-decree 32: the first pension contribution month is October 2022",
                (engine, c) -> Verdict.check(engine.assess(c.request()).contributions().stream()
                        .noneMatch(l -> l.scheme() == Scheme.PENSION && l.month().isBefore(YearMonth.of(2022, 10))),
                        "a pension line before 2022-10"));
        return Invariants.dynamicTests(ENGINE, WorkerProfiles.any(), 300, SEED, noPensionBeforeOctober2022);
    }

    /**
     * A reform is checked the same way, with one more invariant: everything that uses none of the parameters the
     * reform changes is the same as without it. Here the sample reform raising the pension ceiling from 2027.
     *
     * <p>Known gap of the rule base, found by this very invariant: the missing contributions of a compliance finding
     * are computed with the contribution parameters, which the finding does not name; for months without a declared
     * line (a late registration) a reform of the pension ceiling changes them with nothing naming it (eligibility-rules'
     * {@code RuleBaseInvariantsProperties} tracks it). Until the findings name them, this comparison leaves the
     * compliance findings out ({@link #withoutComplianceFindings}); the other invariants see them.
     */
    @TestFactory
    Stream<DynamicTest> aReformKeepsTheInvariants_andChangesOnlyWhatItNames() {
        Reform reform = NssfReforms.read(Path.of("reforms/pension-ceiling-2027.yaml"));
        EligibilityEngine reformed = ENGINE.withReform(reform);
        WorkerProfiles workers = WorkerProfiles.employees().asOfBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2035, 12, 31));
        return Stream.concat(Invariants.dynamicTests(reformed, workers, 100, SEED, Invariants.standard()),
                Invariants.dynamicTests(withoutComplianceFindings(reformed), workers, 100, SEED,
                        Invariants.reformChangesOnlyWhatItNames(withoutComplianceFindings(ENGINE), reform)));
    }

    static EligibilityEngine withoutComplianceFindings(EligibilityEngine engine) {
        return new EligibilityEngine() {
            @Override
            public Assessment assess(AssessmentRequest request, Locale locale) {
                Assessment a = engine.assess(request, locale);
                return new Assessment(a.profileId(), a.asOf(), a.ruleSetVersion(), a.decisions(), a.contributions(), List.of());
            }

            @Override
            public String ruleSetVersion() {
                return engine.ruleSetVersion();
            }
        };
    }
}
