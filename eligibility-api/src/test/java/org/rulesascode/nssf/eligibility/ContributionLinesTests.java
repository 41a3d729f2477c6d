package org.rulesascode.nssf.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ContributionLines} is the list its runs stand for: every month of a run with the run's lines, month set. The
 * expected list is written out month by month here, independently of the class's index arithmetic.
 */
class ContributionLinesTests {
    private static final long SEED = 20261206L;

    private static ContributionLine line(YearMonth month, Scheme scheme, long wage, long employer, long worker, String rule) {
        return new ContributionLine(month, scheme, wage, new BigDecimal("0.02"), employer, worker, employer + worker, true,
                false, rule, List.of(), List.of());
    }

    /** The same line for another month, built from scratch. */
    private static ContributionLine in(ContributionLine l, YearMonth m) {
        return new ContributionLine(m, l.scheme(), l.contributableWage(), l.rate(), l.employer(), l.worker(), l.total(), l.paid(),
                l.provisional(), l.ruleId(), l.citations(), l.parameters());
    }

    @Test
    void randomRuns_areTheListWrittenOutMonthByMonth() {
        Random random = new Random(SEED);
        int multiMonth = 0;
        for (int c = 0; c < 500; c++) {
            List<ContributionLines.Run> runs = new ArrayList<>();
            List<ContributionLine> expected = new ArrayList<>();
            YearMonth month = YearMonth.of(2008 + random.nextInt(30), 1 + random.nextInt(12));
            int n = random.nextInt(6);
            for (int r = 0; r < n; r++) {
                int months = 1 + random.nextInt(random.nextBoolean() ? 3 : 40);
                if (months > 1) multiMonth++;
                List<ContributionLine> first = new ArrayList<>();
                for (Scheme s : Scheme.values()) {
                    if (random.nextInt(3) == 0) continue;
                    long e = random.nextInt(50_000);
                    first.add(line(month, s, 400_000 + random.nextInt(2_000_000), e, random.nextInt(50_000), "R-" + random.nextInt(9)));
                }
                if (first.isEmpty()) first.add(line(month, Scheme.PENSION, 1_000_000, 20_000, 20_000, "P-1"));
                runs.add(new ContributionLines.Run(month, months, first));
                for (int m = 0; m < months; m++) for (ContributionLine l : first) expected.add(in(l, month.plusMonths(m)));
                month = month.plusMonths(months + random.nextInt(3)); // sometimes a gap
            }
            ContributionLines lines = ContributionLines.of(runs);
            assertThat(lines).as("seed %d, case %d", SEED, c).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) assertThat(lines.get(i)).as("seed %d, case %d, line %d", SEED, c, i).isEqualTo(expected.get(i));
            assertThat(lines).isEqualTo(expected);
            assertThat(expected).isEqualTo(lines);
            assertThat(lines.hashCode()).isEqualTo(expected.hashCode());
            assertThat(new ArrayList<>(lines)).isEqualTo(expected); // toArray
            List<ContributionLine> iterated = new ArrayList<>();
            for (ContributionLine l : lines) iterated.add(l); // the iterator
            assertThat(iterated).isEqualTo(expected);
            assertThat(lines.stream().toList()).isEqualTo(expected);
            assertThat(lines.runs()).isEqualTo(runs);
            assertThat(ContributionLines.runsOf(lines)).isEqualTo(runs);
            // a plain list: one run per line, standing for the same lines
            List<ContributionLines.Run> single = ContributionLines.runsOf(expected);
            assertThat(single).hasSize(expected.size()).allMatch(r -> r.months() == 1 && r.lines().size() == 1);
            assertThat(ContributionLines.of(single)).isEqualTo(expected);
        }
        assertThat(multiMonth).as("runs of several months drawn (seed %d)", SEED).isGreaterThan(500);
    }

    @Test
    void anAssessmentKeepsTheRunsAndIsEqualToOneWithThePlainList() {
        YearMonth may = YearMonth.of(2025, 5);
        ContributionLine a = line(may, Scheme.OCCUPATIONAL_RISK, 1_000_000, 8_000, 0, "OR-1");
        ContributionLine b = line(may, Scheme.HEALTH_CARE, 1_000_000, 13_000, 13_000, "HC-1");
        ContributionLines runs = ContributionLines.of(List.of(new ContributionLines.Run(may, 2, List.of(a, b))));
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        Assessment held = new Assessment("p", asOf, "v", List.of(), runs);
        Assessment plain = new Assessment("p", asOf, "v", List.of(), List.of(a, b, in(a, may.plusMonths(1)), in(b, may.plusMonths(1))));
        assertThat(held.contributions()).isSameAs(runs);
        assertThat(held).isEqualTo(plain);
        assertThat(held.hashCode()).isEqualTo(plain.hashCode());
        assertThat(held.contributionsFor(may.plusMonths(1))).extracting(ContributionLine::scheme)
                .containsExactly(Scheme.OCCUPATIONAL_RISK, Scheme.HEALTH_CARE);
    }

    @Test
    void badRunsAndBadIndexes_areRefused() {
        YearMonth may = YearMonth.of(2025, 5);
        ContributionLine l = line(may, Scheme.PENSION, 1_000_000, 20_000, 20_000, "P-1");
        assertThatThrownBy(() -> new ContributionLines.Run(may, 0, List.of(l))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 months");
        assertThatThrownBy(() -> new ContributionLines.Run(may, 1, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a line");
        assertThatThrownBy(() -> new ContributionLines.Run(may.plusMonths(1), 1, List.of(l))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a line of 2025-05 in a run from 2025-06");
        assertThatThrownBy(() -> ContributionLines.of(List.of(new ContributionLines.Run(may, Integer.MAX_VALUE, List.of(l, l)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than");
        ContributionLines lines = ContributionLines.of(List.of(new ContributionLines.Run(may, 3, List.of(l))));
        assertThatThrownBy(() -> lines.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lines.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> lines.add(l)).isInstanceOf(UnsupportedOperationException.class);
        var it = lines.iterator();
        for (int i = 0; i < 3; i++) it.next();
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> lines.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ContributionLines.of(List.of())).isEmpty();
    }
}
