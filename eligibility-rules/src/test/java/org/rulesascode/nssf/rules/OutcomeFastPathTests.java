package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome fast path ({@link Detail#OUTCOMES}) renders nothing and runs no compliance check, yet must give exactly
 * the outcomes, entitlements, event dates, provisional flags and contribution lines of the explained path: over
 * generated populations, for the standard rules and under each sample reform and a structural test reform, the
 * fast assessment equals {@link Assessment#outcomesOnly()} of the explained one.
 */
class OutcomeFastPathTests {
    static final EligibilityEngine BASELINE = new DroolsEligibilityEngine();
    /** Profiles per generator and engine; the standard engine gets {@link #BASELINE_FACTOR} times as many. */
    static final int PROFILES = 200;
    static final int BASELINE_FACTOR = 5;
    static final int BATCH = 40;

    static Map<String, EligibilityEngine> engines() {
        Map<String, EligibilityEngine> out = new LinkedHashMap<>();
        out.put("standard", BASELINE);
        for (String f : SampleReformTests.SAMPLES) out.put(f, SampleReformTests.reformed(f));
        out.put("unemployment_replaced.yaml (structural)", BASELINE.withReform(NssfReforms.read(resource("unemployment_replaced.yaml"), true)));
        return out;
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(OutcomeFastPathTests.class.getResource("/reforms/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFastPathGivesTheOutcomesOfTheExplainedPath_underEveryReform() {
        long seed = Property.seed();
        Counts counts = new Counts();
        int e = 0;
        for (Map.Entry<String, EligibilityEngine> en : engines().entrySet()) {
            int n = e == 0 ? PROFILES * BASELINE_FACTOR : PROFILES;
            check(en.getValue(), en.getKey() + ", plain profiles", WorkerProfiles.any().arbitrary(), seed, 100_000 * e, n, counts);
            check(en.getValue(), en.getKey() + ", profiles with events", WorkerProfiles.any().withLifeEvents().arbitrary(), seed,
                    100_000 * e + 50_000, n, counts);
            e++;
        }
        // the comparison means something only if the population reaches what the fast path must reproduce
        assertThat(counts.entitlements).as("decisions with an entitlement (seed %d)", seed).isGreaterThan(100);
        assertThat(counts.provisional).as("provisional decisions (seed %d)", seed).isGreaterThan(100);
        assertThat(counts.lines).as("contribution lines (seed %d)", seed).isGreaterThan(10_000);
        assertThat(counts.explainedFindings).as("explained assessments with compliance findings (seed %d)", seed).isGreaterThan(10);
    }

    @Test
    void theFastPathHasNoReasonsStepsOrFindings_andTheExplainedDefaultIsUnchanged() {
        long seed = Property.seed();
        List<AssessmentRequest> rs = requests(WorkerProfiles.any().withLifeEvents().arbitrary(), seed, 7, BATCH);
        List<Assessment> fast = BASELINE.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
        List<Assessment> explained = BASELINE.assessAll(rs, Locale.ENGLISH, Detail.EXPLAINED);
        assertThat(explained).as("seed %d", seed).isEqualTo(BASELINE.assessAll(rs, Locale.ENGLISH));
        for (Assessment a : fast) {
            assertThat(a.compliance()).isEmpty();
            for (Decision d : a.decisions()) {
                assertThat(d.reasons()).isEmpty();
                assertThat(d.steps()).isEmpty();
            }
        }
        assertThat(explained.stream().flatMap(a -> a.decisions().stream()).allMatch(d -> !d.reasons().isEmpty()))
                .as("every explained decision has reasons (seed %d)", seed).isTrue();
    }

    private static final class Counts {
        long entitlements;
        long provisional;
        long lines;
        long explainedFindings;
    }

    private static List<AssessmentRequest> requests(Arbitrary<ProfileCase> cases, long seed, int base, int n) {
        List<AssessmentRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AssessmentRequest r = Property.draw(seed, base + i, cases.gen()).request();
            // a few requests ask about fewer schemes
            if (i % 13 == 6) r = new AssessmentRequest(r.profile(), r.asOf(), EnumSet.of(Scheme.HEALTH_CARE, Scheme.PENSION));
            out.add(r);
        }
        return out;
    }

    private static void check(EligibilityEngine engine, String name, Arbitrary<ProfileCase> cases, long seed, int base, int n, Counts counts) {
        for (int from = 0; from < n; from += BATCH) {
            List<AssessmentRequest> rs = requests(cases, seed, base + from, Math.min(BATCH, n - from));
            Locale locale = (from / BATCH) % 3 == 2 ? Locale.forLanguageTag("km") : Locale.ENGLISH;
            List<Assessment> explained = engine.assessAll(rs, locale);
            List<Assessment> fast = engine.assessAll(rs, locale, Detail.OUTCOMES);
            List<Assessment> decisions = engine.assessAll(rs, locale, Detail.DECISIONS);
            assertThat(fast).hasSize(rs.size());
            assertThat(decisions).hasSize(rs.size());
            for (int i = 0; i < rs.size(); i++) {
                Assessment x = explained.get(i);
                assertThat(fast.get(i)).as("%s, seed %d, case %d: %s", name, seed, base + from + i, rs.get(i)).isEqualTo(x.outcomesOnly());
                assertThat(decisions.get(i)).as("%s, seed %d, case %d (DECISIONS): %s", name, seed, base + from + i, rs.get(i))
                        .isEqualTo(new Assessment(x.profileId(), x.asOf(), x.ruleSetVersion(), x.decisions(), x.contributions(), List.of(), x.ignoredEvents()));
                for (Decision d : x.decisions()) {
                    if (d.entitlement() != null) counts.entitlements++;
                    if (d.provisional()) counts.provisional++;
                }
                counts.lines += x.contributions().size();
                if (!x.compliance().isEmpty()) counts.explainedFindings++;
            }
        }
    }
}
