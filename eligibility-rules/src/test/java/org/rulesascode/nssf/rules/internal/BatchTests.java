package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several profiles share one session in {@link Assessor#assessAll}: their facts carry the profile's index and every
 * rule that joins two facts of a profile must match on it, or one worker's contributions would count for another.
 * Batches must give exactly the assessments of one profile at a time.
 */
class BatchTests {
    static final int BATCHES = 12;

    @Test
    void aBatchGivesTheAssessmentsOfOneProfileAtATime() {
        Assessor engine = new Assessor(RuleSet.standard());
        check(engine, "plain profiles", WorkerProfiles.any().arbitrary());
        check(engine, "profiles with events", WorkerProfiles.any().withLifeEvents().arbitrary());
    }

    private static void check(Assessor engine, String name, Arbitrary<ProfileCase> cases) {
        long seed = Property.seed();
        for (int b = 0; b < BATCHES; b++) {
            List<AssessmentRequest> batch = new ArrayList<>();
            for (int i = 0; i < Assessor.BATCH + 8; i++) {
                AssessmentRequest r = Property.draw(seed, b * 1000 + i, cases.gen()).request();
                // a few requests ask about fewer schemes: they go to a session of their own
                if (i % 11 == 5) r = new AssessmentRequest(r.profile(), r.asOf(), EnumSet.of(Scheme.HEALTH_CARE, Scheme.PENSION));
                batch.add(r);
            }
            List<Assessment> together = engine.assessAll(batch, Locale.ENGLISH);
            assertThat(together).hasSize(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                assertThat(together.get(i)).as("%s, seed %d, batch %d, profile %d: %s", name, seed, b, i, batch.get(i))
                        .isEqualTo(engine.assess(batch.get(i), Locale.ENGLISH));
            }
        }
    }

    private static final Pattern RULE = Pattern.compile("rule \"(\\S+)[^\"]*\"(.*?)\\nwhen(.*?)\\nthen", Pattern.DOTALL);

    /** A Finding pattern that does not name its subject: it could match another profile's finding. */
    private static final Pattern UNTIED_FINDING = Pattern.compile("Finding\\((?![^)]*subject)");

    /** A pattern on a fact that belongs to one profile. */
    private static final Pattern PROFILE_FACT = Pattern.compile("\\b(?:SpanFact|CoverageFact|EventFact|EmploymentGapFact|DependantFact|ComplianceFact)\\(");

    private static int profileFacts(String lhs) {
        Matcher m = PROFILE_FACT.matcher(lhs);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /**
     * A rule that gathers facts (collect, accumulate, forall), joins a profile-level fact (ComplianceFact, an
     * existing DependantFact), matches two facts of a profile (a span and a coverage fact, say) or matches a finding
     * without naming its subject must match the owner.
     */
    @Test
    void everyRuleThatJoinsFactsOfAProfileMatchesTheirOwner() {
        List<String> missing = new ArrayList<>();
        int joining = 0;
        for (Map.Entry<String, String> f : RuleBase.standardDrl().entrySet()) {
            Matcher m = RULE.matcher(f.getValue());
            while (m.find()) {
                String lhs = m.group(3);
                boolean joins = lhs.contains("collect(") || lhs.contains("accumulate(") || lhs.contains("forall(")
                        || lhs.contains("ComplianceFact(") || lhs.contains("exists DependantFact(") || UNTIED_FINDING.matcher(lhs).find()
                        || profileFacts(lhs) >= 2;
                if (joins) {
                    joining++;
                    if (!lhs.contains("owner ==")) missing.add(m.group(1) + " (" + f.getKey() + ")");
                }
            }
        }
        assertThat(joining).as("rules that join facts of a profile").isGreaterThan(10);
        assertThat(missing).as("rules that join facts without matching their owner").isEmpty();
    }
}
