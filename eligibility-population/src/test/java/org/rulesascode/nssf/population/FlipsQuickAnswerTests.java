package org.rulesascode.nssf.population;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.ContributionLines;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Comparison#flips} answers "no flip" at once when both sides' decisions and contribution lines pair up one by
 * one; the answer must be the month-by-month comparison's ({@link Comparison#allFlips}) for every worker, changed or
 * not, under reforms that change contributions, benefits and the schemes in force; the same flips when the lines are
 * held as runs ({@link ContributionLines}) or in plain lists; and {@link Comparison#sameResult} only when both sides give
 * the same {@link PersonResult}.
 */
class FlipsQuickAnswerTests {
    static final LocalDate AS_OF = LocalDate.of(2028, 6, 30);

    @Test
    void theQuickAnswerIsTheMonthByMonthOne_forEveryWorker() throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(23, AS_OF).write(1_500, w);
        List<AssessmentRequest> rs = new ArrayList<>();
        for (String line : w.toString().split("\n")) {
            WorkerProfile p = NssfJson.readProfile(line);
            rs.add(AssessmentRequest.of(p, AS_OF));
        }
        EligibilityEngine base = EligibilityEngine.standard();
        List<Reform> reforms = List.of(
                new Reform("ceiling", "test", List.of(new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of()),
                new Reform("maternity", "test", List.of(new Reform.Change("health_care.maternity.qualifying_months", LocalDate.of(2027, 1, 1), 6L, false, "", "")), List.of()),
                new Reform("unemployment", "test", List.of(new Reform.Change("unemployment.in_force", LocalDate.of(2027, 1, 1), true, false, "", "")), List.of()));
        List<Assessment> bs = base.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
        int unchanged = 0;
        int changed = 0;
        int sameResults = 0;
        int runLists = 0;
        for (Reform reform : reforms) {
            List<Assessment> xs = base.withReform(reform).assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
            for (int i = 0; i < rs.size(); i++) {
                Assessment b = bs.get(i);
                Assessment x = xs.get(i);
                List<Comparison.Flip> quick = Comparison.flips(b, x, AS_OF);
                assertThat(quick).as("%s, worker %s", reform.name(), rs.get(i).profile().id()).isEqualTo(Comparison.allFlips(b, x, AS_OF));
                // the lines held as runs (ContributionLines) and the same lines in plain lists: the same flips
                assertThat(quick).as("%s, worker %s, plain lists", reform.name(), rs.get(i).profile().id()).isEqualTo(Comparison.flips(plain(b), plain(x), AS_OF));
                if (b.contributions() instanceof ContributionLines && x.contributions() instanceof ContributionLines) runLists++;
                // the same PersonResult when sameResult says so (a compare then makes it once)
                if (Comparison.sameResult(b, x)) {
                    assertThat(quick).isEmpty();
                    assertThat(PersonResult.of(i, rs.get(i).profile(), x, AS_OF)).as("%s, worker %s", reform.name(), rs.get(i).profile().id())
                            .isEqualTo(PersonResult.of(i, rs.get(i).profile(), b, AS_OF));
                    sameResults++;
                }
                assertThat(Comparison.sameResult(plain(b), plain(x))).isEqualTo(Comparison.sameResult(b, x));
                if (quick.isEmpty()) unchanged++;
                else changed++;
            }
            // a worker against herself: nothing, both ways
            assertThat(Comparison.flips(bs.get(0), bs.get(0), AS_OF)).isEmpty();
        }
        // both answers were reached many times (else the comparison proves little)
        assertThat(unchanged).isGreaterThan(1_000);
        assertThat(changed).isGreaterThan(200);
        assertThat(sameResults).isGreaterThan(1_000);
        assertThat(runLists).as("pairs of assessments whose lines are held as runs").isGreaterThan(3_000);
    }

    /** @return the same assessment with its contribution lines in a plain list (one line a month) */
    private static Assessment plain(Assessment a) {
        return new Assessment(a.profileId(), a.asOf(), a.ruleSetVersion(), a.decisions(), new ArrayList<>(a.contributions()), a.compliance(),
                a.ignoredEvents());
    }

    @Test
    void runsThatDoNotPairUp_areComparedMonthByMonth() {
        YearMonth jan = YearMonth.of(2027, 1);
        java.util.function.BiFunction<org.rulesascode.nssf.eligibility.Scheme, Integer, ContributionLines> lines = (scheme, months) ->
                ContributionLines.of(List.of(new ContributionLines.Run(jan, months, List.of(new org.rulesascode.nssf.eligibility.ContributionLine(
                        jan, scheme, 1_000_000L, new java.math.BigDecimal("0.008"), 8_000, 0, 8_000, true, false, "X-1", List.of(), List.of())))));
        Assessment base = new Assessment("p", AS_OF, "v", List.of(), lines.apply(org.rulesascode.nssf.eligibility.Scheme.OCCUPATIONAL_RISK, 6));
        // another scheme at the same place, with the same figures; and a run cut elsewhere (two runs of 3 months)
        Assessment other = new Assessment("p", AS_OF, "v", List.of(), lines.apply(org.rulesascode.nssf.eligibility.Scheme.HEALTH_CARE, 6));
        assertThat(Comparison.sameResult(base, other)).isFalse();
        assertThat(Comparison.flips(base, other, AS_OF)).hasSize(2).isEqualTo(Comparison.allFlips(base, other, AS_OF));
        ContributionLines cut = ContributionLines.of(List.of(
                new ContributionLines.Run(jan, 3, base.contributions().subList(0, 1)),
                new ContributionLines.Run(jan.plusMonths(3), 3, List.of(base.contributions().get(3)))));
        Assessment split = new Assessment("p", AS_OF, "v", List.of(), cut);
        assertThat(Comparison.sameResult(base, split)).isTrue();
        assertThat(Comparison.flips(base, split, AS_OF)).isEmpty();
        // the same six months' figures a month later: as many lines a segment, in other months
        YearMonth feb = jan.plusMonths(1);
        Assessment later = new Assessment("p", AS_OF, "v", List.of(), ContributionLines.of(List.of(new ContributionLines.Run(feb, 6,
                List.of(new org.rulesascode.nssf.eligibility.ContributionLine(feb, org.rulesascode.nssf.eligibility.Scheme.OCCUPATIONAL_RISK, 1_000_000L,
                        new java.math.BigDecimal("0.008"), 8_000, 0, 8_000, true, false, "X-1", List.of(), List.of()))))));
        assertThat(Comparison.sameResult(base, later)).isFalse();
        assertThat(Comparison.flips(base, later, AS_OF)).isEqualTo(Comparison.allFlips(base, later, AS_OF)).isNotEmpty();
        Assessment shorter = new Assessment("p", AS_OF, "v", List.of(), lines.apply(org.rulesascode.nssf.eligibility.Scheme.OCCUPATIONAL_RISK, 5));
        assertThat(Comparison.flips(base, shorter, AS_OF)).isEqualTo(Comparison.allFlips(base, shorter, AS_OF)).hasSize(1);
    }

    @Test
    void aPersonResultFromRunsIsTheOneFromThePlainLines() throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(29, AS_OF).write(1_000, w);
        List<AssessmentRequest> rs = new ArrayList<>();
        for (String line : w.toString().split("\n")) rs.add(AssessmentRequest.of(NssfJson.readProfile(line), AS_OF));
        List<Assessment> as = EligibilityEngine.standard().assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
        int crossing = 0;
        YearMonth firstRecent = YearMonth.from(AS_OF).minusMonths(11);
        for (int i = 0; i < as.size(); i++) {
            Assessment a = as.get(i);
            assertThat(PersonResult.of(i, rs.get(i).profile(), a, AS_OF)).as("worker %s", rs.get(i).profile().id())
                    .isEqualTo(PersonResult.of(i, rs.get(i).profile(), plain(a), AS_OF));
            for (ContributionLines.Run r : ContributionLines.runsOf(a.contributions())) {
                if (r.from().isBefore(firstRecent) && !r.to().isBefore(firstRecent)) crossing++;
            }
        }
        // runs that start before the last 12 months and end in them are what the run arithmetic must get right
        assertThat(crossing).isGreaterThan(300);
    }
}
