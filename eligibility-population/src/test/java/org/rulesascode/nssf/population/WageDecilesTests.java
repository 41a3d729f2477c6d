package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Reform;

/**
 * Wage deciles (issue 9, part 4): a fixed wage histogram in the summaries, deciles cut from it when presented, each
 * with its actual share. Expected bins, cuts and sums are worked out by hand in the comments.
 */
class WageDecilesTests {

    @Test
    void bins_are10000RielBelow10Million_then1Million_thenOneOpenBin() {
        assertThat(WageDeciles.bin(0)).isZero();
        assertThat(WageDeciles.bin(9_999)).isZero();
        assertThat(WageDeciles.bin(10_000)).isEqualTo(1);
        assertThat(WageDeciles.bin(852_800)).isEqualTo(85);
        assertThat(WageDeciles.bin(9_999_999)).isEqualTo(999);
        assertThat(WageDeciles.bin(10_000_000)).isEqualTo(1000);
        assertThat(WageDeciles.bin(10_999_999)).isEqualTo(1000);
        assertThat(WageDeciles.bin(11_000_000)).isEqualTo(1001);
        assertThat(WageDeciles.bin(999_999_999)).isEqualTo(1989); // 1000 + 989
        assertThat(WageDeciles.bin(1_000_000_000)).isEqualTo(1990);
        assertThat(WageDeciles.bin(100_000_000_000L)).isEqualTo(1990);
        assertThat(WageDeciles.lower(85)).isEqualTo(850_000);
        assertThat(WageDeciles.upper(85)).isEqualTo(859_999);
        assertThat(WageDeciles.upper(999)).isEqualTo(9_999_999);
        assertThat(WageDeciles.lower(1000)).isEqualTo(10_000_000);
        assertThat(WageDeciles.upper(1000)).isEqualTo(10_999_999);
        assertThat(WageDeciles.lower(1990)).isEqualTo(1_000_000_000);
        assertThat(WageDeciles.upper(1990)).isNull();
    }

    @Test
    void tenPersonsInTenBins_makeTenDecilesOfOne() {
        TreeMap<Integer, BigDecimal> persons = new TreeMap<>();
        for (int b = 0; b < 10; b++) persons.put(b * 7, BigDecimal.ONE);
        List<WageDeciles.Cut> cuts = WageDeciles.cut(persons);
        assertThat(cuts).hasSize(10);
        for (int d = 1; d <= 10; d++) {
            WageDeciles.Cut c = cuts.get(d - 1);
            assertThat(c.first()).isEqualTo(d);
            assertThat(c.last()).isEqualTo(d);
            assertThat(c.firstBin()).isEqualTo((d - 1) * 7);
            assertThat(c.persons()).isEqualByComparingTo("1");
            assertThat(c.share(BigDecimal.TEN)).isEqualTo("10.0 %");
        }
    }

    @Test
    void aBinIsNeverSplit_deciles_endingInOneBin_areShownTogether() {
        // 10 persons: 3 in bin 0, 1 in bin 5, 6 in bin 7.
        // bin 0: 3 of 10 reach deciles 1, 2 and 3 (3 × 10 >= 3 × 10) → "deciles 1-3", 3 persons (30.0 %)
        // bin 5: 4 of 10 reach decile 4 → "decile 4", 1 person (10.0 %)
        // bin 7: 10 of 10 reach deciles 5 to 10 → "deciles 5-10", 6 persons (60.0 %)
        TreeMap<Integer, BigDecimal> persons = new TreeMap<>(Map.of(0, BigDecimal.valueOf(3), 5, BigDecimal.ONE, 7, BigDecimal.valueOf(6)));
        assertThat(WageDeciles.cut(persons)).containsExactly(new WageDeciles.Cut(1, 3, 0, 0, BigDecimal.valueOf(3)),
                new WageDeciles.Cut(4, 4, 5, 5, BigDecimal.ONE), new WageDeciles.Cut(5, 10, 7, 7, BigDecimal.valueOf(6)));
        assertThat(new WageDeciles.Cut(1, 3, 0, 0, BigDecimal.valueOf(3)).label(BigDecimal.TEN, false))
                .isEqualTo("deciles 1-3: 0 to 9,999 riel, 30.0 % of persons with a wage");
        assertThat(new WageDeciles.Cut(5, 10, 1990, 1990, BigDecimal.valueOf(6)).label(BigDecimal.TEN, true))
                .isEqualTo("deciles 5-10: 1,000,000,000 riel and over, 60.0 % of persons with a wage, weighted");
    }

    @Test
    void unevenCounts_decileKEndsWhereKTenthsAreReached() {
        // 7 persons in 7 bins (1, 2, …, 7): decile k ends with the first bin where persons × 10 >= k × 7:
        // 1 → 10 >= 7: d1; and 10 >= 14? no.           cut d1 = bin 1
        // 2 → 20 >= 14: d2; 20 >= 21? no.               cut d2 = bin 2
        // 3 → 30 >= 21: d3; 30 >= 28: d4; 30 >= 35? no. cut d3-4 = bin 3
        // 4 → 40 >= 35: d5; 40 >= 42? no.               cut d5 = bin 4
        // 5 → 50 >= 42: d6; 50 >= 49: d7; 50 >= 56? no. cut d6-7 = bin 5
        // 6 → 60 >= 56: d8; 60 >= 63? no.               cut d8 = bin 6
        // 7 → 70 >= 63: d9; 70 >= 70: d10.              cut d9-10 = bin 7
        TreeMap<Integer, BigDecimal> persons = new TreeMap<>();
        for (int b = 1; b <= 7; b++) persons.put(b, BigDecimal.ONE);
        assertThat(WageDeciles.cut(persons)).extracting(WageDeciles.Cut::name)
                .containsExactly("decile 1", "decile 2", "deciles 3-4", "decile 5", "deciles 6-7", "decile 8", "deciles 9-10");
        assertThat(WageDeciles.cut(new TreeMap<>())).isEmpty();
    }

    @Test
    void runSummary_sumsCostAndContributionsPerDecile_andKeepsNoWageApart() {
        RunSummary s = new RunSummary();
        // 20 persons with wages 100,000, 200,000, … 2,000,000 (one per bin); person i has allowance i riel and contributions 10 × i
        for (int i = 1; i <= 20; i++) s.add(WeightsTests.person("p" + i, i * 100_000L, null, i, 10L * i));
        s.add(WeightsTests.person("none", null, null, 1_000L, 0L));
        Map<String, Object> m = s.wageDeciles().toMap();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ds = (List<Map<String, Object>>) m.get("deciles");
        // 20 persons: decile k holds persons 2k-1 and 2k (wages (2k-1) × 100,000 and 2k × 100,000)
        assertThat(ds).hasSize(10);
        assertThat(ds.get(2)).doesNotContainKey("weighted");
        Map<String, Object> d3 = ds.get(2);
        assertThat(d3.get("deciles")).isEqualTo("3");
        assertThat(d3.get("wageFrom")).isEqualTo(500_000L);
        assertThat(d3.get("wageTo")).isEqualTo(609_999L);
        assertThat(d3.get("persons")).isEqualTo(2L);
        assertThat(d3.get("shareOfPersonsWithWage")).isEqualTo("10.0 %");
        assertThat(((Map<?, ?>) d3.get("annualCostByPayer")).get("NSSF")).isEqualTo(11L); // 5 + 6
        assertThat(d3.get("contributionsLast12Months")).isEqualTo(110L);                   // 50 + 60
        assertThat(((Map<?, ?>) m.get("noWage")).get("persons")).isEqualTo(1L);
        assertThat(((Map<?, ?>) ((Map<?, ?>) m.get("noWage")).get("annualCostByPayer")).get("NSSF")).isEqualTo(1_000L);
        assertThat((String) m.get("resolution")).contains("10,000 riel");
    }

    @Test
    void runSummary_withWeights_cutsTheDecilesOfTheWeightedPersons() {
        RunSummary s = new RunSummary();
        // wages 100,000 and 200,000 with weights 9 and 1: 10 weighted persons, 9 of them in the first bin
        // bin 10: 9 × 10 >= 1..9 × 10 → "1-9" (90.0 %); bin 20: → "10" (10.0 %)
        s.add(WeightsTests.person("a", 100_000L, new BigDecimal("9"), 7L, 100L));
        s.add(WeightsTests.person("b", 200_000L, null, 0L, 50L));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ds = (List<Map<String, Object>>) s.wageDeciles().toMap().get("deciles");
        assertThat(ds).extracting(d -> d.get("deciles")).containsExactly("1-9", "10");
        assertThat(ds).extracting(d -> d.get("shareOfPersonsWithWage")).containsExactly("90.0 %", "10.0 %");
        assertThat(ds.get(0).get("persons")).isEqualTo(1L);
        Map<?, ?> w = (Map<?, ?>) ds.get(0).get("weighted");
        assertThat(w.get("persons")).isEqualTo(9L);
        assertThat(((Map<?, ?>) w.get("annualCostByPayer")).get("NSSF")).isEqualTo(63L); // 9 × 7
        assertThat(w.get("contributionsLast12Months")).isEqualTo(900L);                   // 9 × 100
    }

    @Test
    void compareSummary_breaksDownByWageDecile_fromTheMergedHistogram() {
        // persons with wages 100,000 … 1,000,000 (one each), split over two partitions; person 4 (wage 400,000) is better off
        CompareSummary x = new CompareSummary();
        CompareSummary y = new CompareSummary();
        for (int i = 1; i <= 10; i++) {
            PersonResult p = WeightsTests.person("p" + i, i * 100_000L, i == 4 ? new BigDecimal("3") : null, 0L, 0L);
            List<Comparison.Flip> flips = i == 4 ? List.of(AnalystFiguresTests.flip(org.rulesascode.nssf.eligibility.Benefit.MATERNITY_ALLOWANCE,
                    Comparison.Change.AMOUNT_UP, org.rulesascode.nssf.eligibility.Outcome.ELIGIBLE, org.rulesascode.nssf.eligibility.Outcome.ELIGIBLE, 5L)) : List.of();
            (i % 2 == 0 ? x : y).add(p, p, flips);
        }
        CompareSummary merged = x.merge(y);
        Map<String, CompareSummary.Group> deciles = merged.breakdowns().get("wageDecile");
        List<String> names = new ArrayList<>(deciles.keySet());
        // weighted persons per bin (bins 10, 20, … 100): 1, 1, 1, 3, 1, 1, 1, 1, 1, 1 = 12; decile k ends where 10 × cumulative >= 12 k:
        // cumulative 1 (10 < 12), 2 (20 >= 12: d1), 3 (30 >= 24: d2), 6 (60 >= 36, 48, 60: d3-5), 7 (70 < 72), 8 (80 >= 72: d6),
        // 9 (90 >= 84: d7), 10 (100 >= 96: d8), 11 (110 >= 108: d9), 12 (120 >= 120: d10)
        assertThat(names).containsExactly(
                "decile 1: 100,000 to 209,999 riel, 16.7 % of persons with a wage, weighted",
                "decile 2: 300,000 to 309,999 riel, 8.3 % of persons with a wage, weighted",
                "deciles 3-5: 400,000 to 409,999 riel, 25.0 % of persons with a wage, weighted",
                "decile 6: 500,000 to 609,999 riel, 16.7 % of persons with a wage, weighted",
                "decile 7: 700,000 to 709,999 riel, 8.3 % of persons with a wage, weighted",
                "decile 8: 800,000 to 809,999 riel, 8.3 % of persons with a wage, weighted",
                "decile 9: 900,000 to 909,999 riel, 8.3 % of persons with a wage, weighted",
                "decile 10: 1,000,000 to 1,009,999 riel, 8.3 % of persons with a wage, weighted");
        assertThat(deciles.get(names.get(2)).betterOff()).isEqualTo(1);
        assertThat(deciles.get(names.get(2)).weighted("betterOff")).isEqualByComparingTo("3");
        assertThat(deciles.values()).extracting(CompareSummary.Group::persons).containsExactly(2L, 1L, 1L, 2L, 1L, 1L, 1L, 1L);
        String html = HtmlReport.render(merged, Reform.none(), LocalDate.of(2025, 6, 30), "b", "r", "p.jsonl", new Presentation(26L, null));
        assertThat(html).contains("<h3>By wage decile</h3>", "exact to 10,000 riel", "deciles 3-5: 400,000 to 409,999 riel, 25.0 % of persons",
                "Persons, weighted", "weights adding up to 12");
        // with weights 3 + 9 × 1 = 12 and --scale-to 26: 1 better off of weight 3 → 3 × 26 / 12 = 6.5 → 7
        assertThat(html).contains("<tr><th>Persons better off (benefits worth more)</th><td class=\"n\">1 of 10</td><td class=\"n\">≈ 3 of 12</td><td class=\"n\">≈ 7</td></tr>");
    }
}
