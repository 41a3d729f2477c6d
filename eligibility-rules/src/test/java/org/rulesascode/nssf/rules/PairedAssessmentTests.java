package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionLines;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EligibilityEngine#assessAllWith} shares the months before a reform's first change between the two engines of a
 * comparison; its answers must be exactly those of each engine's own {@code assessAll}. Over generated profiles and
 * under every sample reform, in both directions (baseline first, reform first), the two lists are compared with the two
 * calls; on a part of them, with the reform judged by Drools alone (memo off). The test counts the workers whose
 * reform lines the pair took from the baseline (the same run objects), the workers whose event findings it took (the
 * memo's statistics) and the workers whose answers differ between the sides, so that it cannot pass by never sharing or
 * by comparing two copies of one side.
 */
class PairedAssessmentTests {
    static final int PER_REFORM = 1_200;
    static final int BATCH = 64;

    @Test
    void thePairGivesEachEnginesOwnAnswers_underEverySampleReform_inBothDirections() {
        long seed = Property.seed();
        EligibilityEngine base = OutcomeFastPathTests.BASELINE;
        long shared = 0;
        long differing = 0;
        long profiles = 0;
        long eventsSharedBefore = ((DroolsEligibilityEngine) base).memoStatistics().eventsShared();
        int e = 0;
        for (String f : SampleReformTests.SAMPLES) {
            EligibilityEngine reform = SampleReformTests.reformed(f);
            List<Arbitrary<ProfileCase>> families = List.of(
                    WorkerProfiles.any().arbitrary(),
                    WorkerProfiles.any().withLifeEvents().arbitrary(),
                    WorkerProfiles.employees().asOfBetween(LocalDate.of(2028, 6, 30), LocalDate.of(2028, 6, 30)).arbitrary(),
                    WorkerProfiles.any().asOfBetween(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30)).arbitrary());
            for (int k = 0; k < families.size(); k++) {
                int n = PER_REFORM / families.size();
                for (int from = 0; from < n; from += BATCH) {
                    int first = 10_000_000 * e + 1_000_000 * k + from;
                    List<AssessmentRequest> rs = requests(families.get(k), seed, first, Math.min(BATCH, n - from));
                    List<Assessment> b = base.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                    List<Assessment> r = reform.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                    boolean reformFirst = (from / BATCH) % 3 == 2;
                    List<List<Assessment>> pair = reformFirst ? reform.assessAllWith(base, rs, Locale.ENGLISH, Detail.OUTCOMES)
                            : base.assessAllWith(reform, rs, Locale.ENGLISH, Detail.OUTCOMES);
                    List<Assessment> pb = pair.get(reformFirst ? 1 : 0);
                    List<Assessment> pr = pair.get(reformFirst ? 0 : 1);
                    List<Assessment> reference = (from / BATCH) % 4 == 1
                            ? ((DroolsEligibilityEngine) reform).withMemo(false).assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES) : r;
                    for (int i = 0; i < rs.size(); i++) {
                        String where = f + ", family " + k + ", seed " + seed + " (rerun with -Dnssf.seed=" + seed + "), case " + (first + i)
                                + (reformFirst ? ", reform first" : "") + ": " + rs.get(i).profile().id() + " as of " + rs.get(i).asOf();
                        assertThat(pb.get(i)).as("baseline side, %s", where).isEqualTo(b.get(i));
                        assertThat(pr.get(i)).as("reform side, %s", where).isEqualTo(reference.get(i));
                        if (!b.get(i).decisions().equals(r.get(i).decisions()) || !b.get(i).contributions().equals(r.get(i).contributions())) differing++;
                        if (sharesFirstRun(pb.get(i), pr.get(i))) shared++;
                        profiles++;
                    }
                }
                e++;
            }
        }
        long eventsShared = ((DroolsEligibilityEngine) base).memoStatistics().eventsShared() - eventsSharedBefore;
        System.out.println("paired assessments: " + profiles + " profiles, " + shared + " with lines shared, " + eventsShared
                + " with event findings shared, " + differing + " answered differently by the reform");
        assertThat(profiles).isEqualTo(SampleReformTests.SAMPLES.size() * (long) (PER_REFORM / 4 * 4));
        assertThat(shared).as("workers whose reform lines were taken from the baseline (seed %d)", seed).isGreaterThan(profiles / 4);
        assertThat(differing).as("workers the reforms answer differently (seed %d)", seed).isGreaterThan(100);
        assertThat(eventsShared).as("workers whose event findings the reform side took from the baseline (seed %d)", seed).isGreaterThan(profiles / 20);
    }

    /** An engine that is not over the same compiled rules (the default path) gives the two calls' answers too. */
    @Test
    void withAnEngineOfOtherRules_thePairIsTheTwoCalls() {
        long seed = Property.seed();
        EligibilityEngine base = OutcomeFastPathTests.BASELINE;
        EligibilityEngine plain = ((DroolsEligibilityEngine) base).withMemo(false);
        List<AssessmentRequest> rs = requests(WorkerProfiles.any().arbitrary(), seed, 90_000_000, 40);
        List<List<Assessment>> pair = base.assessAllWith(plain, rs, Locale.ENGLISH, Detail.OUTCOMES);
        assertThat(pair.get(0)).isEqualTo(base.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES));
        assertThat(pair.get(1)).isEqualTo(pair.get(0));
        List<List<Assessment>> explained = base.assessAllWith(base, rs, Locale.ENGLISH, Detail.EXPLAINED);
        assertThat(explained.get(0)).isEqualTo(base.assessAll(rs, Locale.ENGLISH)).isEqualTo(explained.get(1));
        assertThat(base.assessAllWith(base, List.of(), Locale.ENGLISH, Detail.OUTCOMES)).containsExactly(List.of(), List.of());
    }

    private static boolean sharesFirstRun(Assessment a, Assessment b) {
        return a.contributions() instanceof ContributionLines x && b.contributions() instanceof ContributionLines y
                && !x.runs().isEmpty() && !y.runs().isEmpty() && x.runs().get(0) == y.runs().get(0);
    }

    private static List<AssessmentRequest> requests(Arbitrary<ProfileCase> cases, long seed, int base, int n) {
        List<AssessmentRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AssessmentRequest r = Property.draw(seed, base + i, cases.gen()).request();
            if (i % 13 == 5) r = new AssessmentRequest(r.profile(), r.asOf(), EnumSet.of(Scheme.HEALTH_CARE, Scheme.PENSION));
            out.add(r);
        }
        return out;
    }
}
