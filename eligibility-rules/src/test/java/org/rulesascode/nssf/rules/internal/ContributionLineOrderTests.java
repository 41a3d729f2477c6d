package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contribution lines are made in order when the spans do not overlap ({@link Assessor#lines}) instead of being made and
 * sorted ({@link Assessor#sortedLines}, the reference, also taken when spans overlap): both give the same lines in the
 * same order, over the spans of generated profiles, contributions of several schemes found in any order, and histories
 * whose spans overlap.
 */
class ContributionLineOrderTests {
    static final Assessor ASSESSOR = new Assessor(RuleSet.standard());
    /** One contribution rule of each scheme (clamped, banded or flat: the base is not what is compared here). */
    static final List<String> RULES = List.of("OR-CON-01", "HC-CON-01", "PEN-CON-01", "VHC-CON-01", "UNE-CON-01");

    @Test
    void linesInOrderEqualTheSortedLines_overGeneratedHistories() {
        long seed = Property.seed();
        RuleSet rs = RuleSet.standard();
        int[] change = rs.timeline().changeMonths();
        int compared = 0;
        int overlapping = 0;
        for (int i = 0; i < 2_000; i++) {
            AssessmentRequest r = Property.draw(seed, i, WorkerProfiles.any().arbitrary().gen()).request();
            List<SpanFact> spans = new ArrayList<>(Assessor.spans(r.profile(), r.asOf(), rs.timeline(), change));
            Random random = new Random(seed + i);
            if (i % 5 == 0 && !spans.isEmpty()) { // a span again, overlapping: the sorting path
                spans.add(spans.get(random.nextInt(spans.size())));
                overlapping++;
            }
            List<ContributionFinding> found = new ArrayList<>();
            for (SpanFact s : spans) {
                for (String rule : RULES) {
                    if (random.nextInt(3) == 0) continue;
                    found.add(new ContributionFinding(rule, s, random.nextInt(2_000_000), new BigDecimal("0.02"), new BigDecimal("0.01"), null,
                            new ContributionFinding.Flat()));
                }
            }
            Collections.shuffle(found, random);
            List<ContributionLine> inOrder = ASSESSOR.lines(found);
            assertThat(inOrder).as("seed %d, case %d", seed, i).isEqualTo(ASSESSOR.sortedLines(found));
            compared += inOrder.size();
        }
        assertThat(compared).as("lines compared (seed %d)", seed).isGreaterThan(50_000);
        assertThat(overlapping).isGreaterThan(100);
    }

    /**
     * Spans follow the history by first month whatever order the profile lists its periods in: the spans of a history
     * given backwards (the sorting path of {@link Assessor#spans}) are those of the same history given in order (the
     * path that takes the list as it is), month for month, wage, paid flag, age and parameter snapshot.
     */
    @Test
    void spansOfAHistoryOutOfOrderAreThoseOfTheHistoryInOrder() {
        long seed = Property.seed();
        RuleSet rs = RuleSet.standard();
        int[] change = rs.timeline().changeMonths();
        int reordered = 0;
        for (int i = 0; i < 2_000; i++) {
            AssessmentRequest r = Property.draw(seed, i, WorkerProfiles.any().arbitrary().gen()).request();
            WorkerProfile p = r.profile();
            List<ContributionPeriod> sorted = new ArrayList<>(p.history());
            sorted.sort(java.util.Comparator.comparing(ContributionPeriod::from));
            List<ContributionPeriod> backwards = new ArrayList<>(sorted);
            Collections.reverse(backwards);
            if (sorted.size() > 1) reordered++;
            List<SpanFact> a = Assessor.spans(with(p, sorted), r.asOf(), rs.timeline(), change);
            List<SpanFact> b = Assessor.spans(with(p, backwards), r.asOf(), rs.timeline(), change);
            assertThat(b).as("seed %d, case %d", seed, i).hasSameSizeAs(a);
            for (int k = 0; k < a.size(); k++) {
                SpanFact x = a.get(k);
                SpanFact y = b.get(k);
                assertThat(List.of(y.getFrom(), y.getTo(), y.getWage(), y.isPaid(), y.getAge(), y.getParams()))
                        .as("seed %d, case %d, span %d", seed, i, k)
                        .containsExactly(x.getFrom(), x.getTo(), x.getWage(), x.isPaid(), x.getAge(), x.getParams());
            }
        }
        assertThat(reordered).as("histories of two periods or more (seed %d)", seed).isGreaterThan(200);
    }

    private static WorkerProfile with(WorkerProfile p, List<ContributionPeriod> history) {
        return new WorkerProfile(p.id(), p.birthDate(), p.sex(), p.employmentStatus(), p.sector(), p.wage(), p.employmentStart(),
                p.enterpriseWorkers(), history, p.events(), p.dependants());
    }
}
