package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo of rule outcomes never changes an answer: over generated profiles, with the standard rules and under each
 * sample reform, assessments with the memo equal assessments where Drools judges every fact. The memo is shared by the
 * whole run (as in a population run), so most facts are replayed from other profiles' outcomes; the test counts the
 * replays and the outcomes reached, so that it cannot pass by never replaying.
 */
class MemoDifferentialTests {
    /** Profiles compared under the standard rules (the issue asks for at least 20,000 in CI). */
    static final int STANDARD = 20_000;
    /** Profiles compared under each sample reform. */
    static final int PER_REFORM = 3_000;
    static final int BATCH = 64;

    @Test
    void theMemoGivesTheAnswersOfDrools_overGeneratedProfiles_andUnderEverySampleReform() {
        long seed = Property.seed();
        Map<String, EligibilityEngine> engines = new LinkedHashMap<>();
        engines.put("standard", OutcomeFastPathTests.BASELINE);
        for (String f : SampleReformTests.SAMPLES) engines.put(f, SampleReformTests.reformed(f));
        Counts counts = new Counts();
        int e = 0;
        for (Map.Entry<String, EligibilityEngine> en : engines.entrySet()) {
            DroolsEligibilityEngine memo = ((DroolsEligibilityEngine) en.getValue()).withMemo(true);
            DroolsEligibilityEngine plain = memo.withMemo(false);
            int n = e == 0 ? STANDARD : PER_REFORM;
            // a third with life events (their benefits are judged in Drools on the replayed contributions), a
            // population of one as-of date (as a population run is) and the whole range of dates
            check(memo, plain, en.getKey() + ", any date", WorkerProfiles.any().arbitrary(), seed, 1_000_000 * e, n / 3, counts, false);
            check(memo, plain, en.getKey() + ", with events", WorkerProfiles.any().withLifeEvents().arbitrary(), seed, 1_000_000 * e + 300_000, n / 3, counts, false);
            check(memo, plain, en.getKey() + ", one as-of date", WorkerProfiles.any().asOfBetween(LocalDate.of(2028, 6, 30), LocalDate.of(2028, 6, 30)).arbitrary(),
                    seed, 1_000_000 * e + 600_000, n - 2 * (n / 3), counts, e == 0);
            e++;
        }
        System.out.println("memo differential: " + counts);
        assertThat(counts.profiles).isGreaterThanOrEqualTo(STANDARD + SampleReformTests.SAMPLES.size() * PER_REFORM);
        // the comparison means something only if the memo replayed much and the answers reach every kind of outcome
        assertThat(counts.replayed).as("facts replayed from the memo (seed %d)", seed).isGreaterThan(counts.judged);
        assertThat(counts.replayedWithEvents).as("facts replayed for profiles with events, whose benefits Drools judged on them (seed %d)", seed)
                .isGreaterThan(5_000);
        for (Outcome o : List.of(Outcome.COVERED, Outcome.NOT_COVERED, Outcome.NOT_IN_FORCE, Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE, Outcome.NEEDS_INFORMATION)) {
            assertThat(counts.outcomes.getOrDefault(o, 0L)).as("decisions %s (seed %d)", o, seed).isGreaterThan(100);
        }
        assertThat(counts.entitlements).as("decisions with an amount (seed %d)", seed).isGreaterThan(1_000);
        assertThat(counts.lines).as("contribution lines (seed %d)", seed).isGreaterThan(100_000);
        assertThat(counts.explained).as("explained assessments compared (seed %d)", seed).isGreaterThan(1_000);
    }

    /**
     * Both sides of a parameter reform share the memo: the pension-ceiling reform changes nothing before 2027, so
     * profiles assessed on a date in 2026 have, under the reform, exactly the keys they had under the standard rules
     * and the reform side sends no fact to Drools; on a date after the reform starts the coverage fact's parameters
     * differ, and the reform side has its own keys.
     */
    @Test
    void bothSidesOfAParameterReformShareTheMemo_forTheMonthsBeforeItStarts() {
        long seed = Property.seed();
        DroolsEligibilityEngine base = (DroolsEligibilityEngine) OutcomeFastPathTests.BASELINE;
        DroolsEligibilityEngine reformed = (DroolsEligibilityEngine) SampleReformTests.reformed("pension-ceiling-2027.yaml");
        for (LocalDate asOf : List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2028, 6, 30))) {
            List<AssessmentRequest> rs = requests(WorkerProfiles.employees().withoutLifeEvents().asOfBetween(asOf, asOf).arbitrary(), seed, 7_000_000, 300);
            base.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
            long judged = base.memoStatistics().judged();
            long replayed = base.memoStatistics().replayed();
            List<Assessment> r = reformed.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
            long judgedByReform = reformed.memoStatistics().judged() - judged;
            long replayedByReform = reformed.memoStatistics().replayed() - replayed;
            assertThat(r).isEqualTo(reformed.withMemo(false).assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES));
            if (asOf.getYear() < 2027) {
                assertThat(judgedByReform).as("facts the reform side sent to Drools, as of %s (seed %d)", asOf, seed).isZero();
                assertThat(replayedByReform).as("facts the reform side replayed, as of %s (seed %d)", asOf, seed).isGreaterThanOrEqualTo(rs.size());
            } else {
                assertThat(judgedByReform).as("facts the reform side sent to Drools, as of %s (seed %d)", asOf, seed).isPositive();
            }
        }
    }

    private static final class Counts {
        long profiles;
        long replayed;
        long judged;
        long replayedWithEvents;
        long entitlements;
        long lines;
        long explained;
        final Map<Outcome, Long> outcomes = new TreeMap<>();

        @Override
        public String toString() {
            return profiles + " profiles, facts replayed " + replayed + " (" + replayedWithEvents + " of profiles with events), judged by Drools " + judged + ", "
                    + entitlements + " amounts, " + lines + " contribution lines, " + explained + " explained, outcomes " + outcomes;
        }
    }

    private static List<AssessmentRequest> requests(Arbitrary<ProfileCase> cases, long seed, int base, int n) {
        List<AssessmentRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AssessmentRequest r = Property.draw(seed, base + i, cases.gen()).request();
            if (i % 11 == 5) r = new AssessmentRequest(r.profile(), r.asOf(), EnumSet.of(Scheme.HEALTH_CARE, Scheme.PENSION));
            if (i % 17 == 3) r = new AssessmentRequest(r.profile(), r.asOf(), EnumSet.allOf(Scheme.class));
            out.add(r);
        }
        return out;
    }

    /**
     * Compares the engines batch by batch; on a difference, shrinks the profile (the memo stays as warm as it was) and
     * fails with the seed, the case and the smallest profile that still differs.
     */
    private static void check(DroolsEligibilityEngine memo, DroolsEligibilityEngine plain, String name, Arbitrary<ProfileCase> cases,
                              long seed, int base, int n, Counts counts, boolean explainedToo) {
        for (int from = 0; from < n; from += BATCH) {
            List<AssessmentRequest> rs = requests(cases, seed, base + from, Math.min(BATCH, n - from));
            DroolsEligibilityEngine.MemoStatistics before = memo.memoStatistics();
            List<Assessment> fast = memo.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
            DroolsEligibilityEngine.MemoStatistics after = memo.memoStatistics();
            counts.replayed += after.replayed() - before.replayed();
            counts.judged += after.judged() - before.judged();
            if (name.contains("with events")) counts.replayedWithEvents += after.replayed() - before.replayed();
            List<Assessment> reference = plain.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
            for (int i = 0; i < rs.size(); i++) {
                if (!fast.get(i).equals(reference.get(i))) fail(memo, plain, name, cases, seed, base + from + i, rs.get(i), fast.get(i), reference.get(i));
                counts.profiles++;
                for (Decision d : reference.get(i).decisions()) {
                    counts.outcomes.merge(d.outcome(), 1L, Long::sum);
                    if (d.entitlement() != null && d.entitlement().amount() != null) counts.entitlements++;
                }
                counts.lines += reference.get(i).contributions().size();
            }
            if (explainedToo && (from / BATCH) % 4 == 0) {
                // the explained path without compliance (the corrected histories of a compliance check) uses the memo too
                var m = memo.assessor().assessAllWithoutCompliance(rs, Locale.ENGLISH);
                var p = plain.assessor().assessAllWithoutCompliance(rs, Locale.ENGLISH);
                for (int i = 0; i < rs.size(); i++) {
                    assertThat(m.get(i)).as("%s, explained without compliance, seed %d, case %d: %s", name, seed, base + from + i, rs.get(i).profile())
                            .isEqualTo(p.get(i));
                    counts.explained++;
                }
            }
        }
    }

    private static void fail(DroolsEligibilityEngine memo, DroolsEligibilityEngine plain, String name, Arbitrary<ProfileCase> cases, long seed, int index,
                             AssessmentRequest request, Assessment fast, Assessment reference) {
        Property.Shrunk<ProfileCase> shrunk = Property.shrink(Property.draw(seed, index, cases.gen()), new AssertionError("differs"), cases.shrinker(),
                c -> {
                    AssessmentRequest r = new AssessmentRequest(c.request().profile(), c.request().asOf(), request.schemes());
                    return memo.assessAll(List.of(r), Locale.ENGLISH, Detail.OUTCOMES).equals(plain.assessAll(List.of(r), Locale.ENGLISH, Detail.OUTCOMES));
                });
        WorkerProfile p = shrunk.value().request().profile();
        throw new AssertionError(name + ": the memo changed an answer: seed=" + seed + " (rerun with -Dnssf.seed=" + seed + "), case " + index
                + "\n  with the memo:    " + fast + "\n  Drools alone:     " + reference
                + "\n  smallest profile that still differs (" + shrunk.steps() + " shrink steps): " + shrunk.value().toJson()
                + "\n  as of " + shrunk.value().request().asOf() + ", schemes " + request.schemes() + ", profile " + p.id());
    }
}
