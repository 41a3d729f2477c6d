package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.population.internal.CsvProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Row weights (issue 9, part 4): read from a JSON line's top-level {@code "weight"} or a CSV file's optional
 * {@code weight} column, checked (a bad one rejects its row, with the line and the field), and summed exactly into
 * weighted estimates beside the sample's counts. Expected figures are worked out by hand in the comments.
 */
class WeightsTests {

    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROFILE = "\"id\":\"w1\",\"birthDate\":\"1990-05-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\"";

    // ---- reading ----------------------------------------------------------------------------------------------

    @Test
    void aJsonLine_mayCarryAWeight_removedBeforeTheStrictProfileReading() {
        Row.Read r = Row.text(4, "{\"weight\": 431.7, " + PROFILE + "}", InputFormat.jsonl).read();
        assertThat(r.error()).isNull();
        assertThat(r.weight()).isEqualByComparingTo("431.7");
        assertThat(r.profile()).isEqualTo(NssfJson.readProfile("{" + PROFILE + "}"));
        // at the end too, and a whole number
        assertThat(Row.text(4, "{" + PROFILE + ", \"weight\": 2}", InputFormat.jsonl).read().weight()).isEqualByComparingTo("2");
        // without a weight: null (weighs 1); the word "weight" inside a string is not a weight
        assertThat(Row.text(4, "{" + PROFILE + "}", InputFormat.jsonl).read().weight()).isNull();
        Row.Read named = Row.text(4, "{" + PROFILE.replace("\"w1\"", "\"\\\"weight\\\"\"") + "}", InputFormat.jsonl).read();
        assertThat(named.error()).isNull();
        assertThat(named.weight()).isNull();
        assertThat(named.profile().id()).isEqualTo("\"weight\"");
    }

    @Test
    void aWeightInsideTheProfile_isStillAnUnknownMember_theProfileStaysStrict() {
        Row.Read r = Row.text(9, "{" + PROFILE + ", \"wage\": {\"amount\": 1000000, \"currency\": \"KHR\", \"weight\": 2}}", InputFormat.jsonl).read();
        assertThat(r.error()).isNotNull();
        assertThat(r.error().line()).isEqualTo(9);
        assertThat(r.error().field()).startsWith("$.wage");
    }

    @ParameterizedTest(name = "weight {0}")
    @CsvSource(delimiter = '|', value = {
            "0|not positive", "-1|not positive", "1000000000.5|more than 1,000,000,000", "1e10|more than 1,000,000,000",
            "0.0000001|more than 6 decimals", "1.1234567|more than 6 decimals", "1e-999999999|is 1E-999999999, with more than 6 decimals",
            "1e999999999|is 1E+999999999, more than 1,000,000,000", "\"2\"|the text \"2\"", "null|null", "true|not a number"})
    void aBadJsonWeight_rejectsTheRow_namingLineAndField(String weight, String problem) {
        Row.Read r = Row.text(12, "{\"weight\": " + weight + ", " + PROFILE + "}", InputFormat.jsonl).read();
        assertThat(r.profile()).isNull();
        assertThat(r.error().line()).isEqualTo(12);
        assertThat(r.error().id()).isEqualTo("w1");
        assertThat(r.error().field()).isEqualTo("$.weight");
        assertThat(r.error().problem()).contains(problem);
        assertThat(r.error().allowed()).contains("at most 6 decimals");
    }

    @Test
    void aWeightedLine_isHeldToTheProfileReadersLimits_likeAnyLine() {
        // nested deeper than the profile reader allows: the same error with or without a weight
        String deep = "[".repeat(40) + "]".repeat(40);
        Row.Read plain = Row.text(3, "{" + PROFILE + ", \"x\": " + deep + "}", InputFormat.jsonl).read();
        Row.Read weighted = Row.text(3, "{\"weight\": 2, " + PROFILE + ", \"x\": " + deep + "}", InputFormat.jsonl).read();
        assertThat(plain.error()).isNotNull();
        assertThat(weighted.error()).isNotNull();
        assertThat(weighted.error().problem()).isEqualTo(plain.error().problem());
        // a duplicate weight is an error, not the last one wins
        Row.Read twice = Row.text(3, "{\"weight\": 2, \"weight\": 3, " + PROFILE + "}", InputFormat.jsonl).read();
        assertThat(twice.profile()).isNull();
        assertThat(twice.error().line()).isEqualTo(3);
    }

    @Test
    void sixDecimals_and1e9_areAllowed_trailingZerosDoNotCount() {
        assertThat(Row.text(1, "{\"weight\": 0.000001, " + PROFILE + "}", InputFormat.jsonl).read().weight()).isEqualByComparingTo("0.000001");
        assertThat(Row.text(1, "{\"weight\": 1000000000, " + PROFILE + "}", InputFormat.jsonl).read().weight()).isEqualByComparingTo("1000000000");
        assertThat(Row.text(1, "{\"weight\": 2.500000000, " + PROFILE + "}", InputFormat.jsonl).read().weight()).isEqualByComparingTo("2.5");
    }

    @Test
    void csv_theOptionalWeightColumn_isTheHeadersLast() {
        assertThat(CsvProfiles.checkHeader(CsvProfiles.HEADER)).isFalse();
        assertThat(CsvProfiles.checkHeader(CsvProfiles.HEADER + ",weight")).isTrue();
        assertThatThrownBy(() -> CsvProfiles.checkHeader(CsvProfiles.HEADER + ",weights")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one too many from 'weights'").hasMessageContaining("the only column allowed after schemes is weight");
        assertThatThrownBy(() -> CsvProfiles.checkHeader("weight," + CsvProfiles.HEADER)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'weight' as column 1");
    }

    @Test
    void csvFile_weights_badOnesRejectedIntoErrorsCsv_andTheEstimates() throws Exception {
        Path file = dir.resolve("w.csv");
        String row = ",1990-05-01,MALE,EMPLOYEE,CONSTRUCTION,2020-01-06,60,2024-07,2025-06,1000000,KHR,,true,";
        Files.writeString(file, CsvProfiles.HEADER + ",weight\n"
                + "a" + row + ",2\n"
                + "b" + row + ",0.5\n"
                + "c" + row + ",\n"          // no weight: 1
                + "d" + row + ",x\n"         // rejected: not a number
                + "e" + row + ",0\n"         // rejected: not positive
                + "f" + row + "\n", StandardCharsets.UTF_8); // rejected: 14 fields where the header has 15
        Path out = dir.resolve("out");
        RunSummary s = PopulationRunner.run(EligibilityEngine.standard(), new PopulationRunner.Options(LocalDate.of(2025, 6, 30), file, InputFormat.csv,
                out, 2, null, false, new Presentation(7L, null)));
        assertThat(s.rowsIn()).isEqualTo(6);
        assertThat(s.assessed()).isEqualTo(3);
        assertThat(s.rejected()).isEqualTo(3);
        List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
        assertThat(errors).hasSize(4);
        assertThat(errors.get(1)).startsWith("5,d,weight,'x' is not a positive decimal number,");
        assertThat(errors.get(2)).startsWith("6,e,weight,\"is 0, not positive\",");
        assertThat(errors.get(3)).startsWith("7,f,$,\"has 14 fields, the header has 15\",");
        // weights 2 + 0.5 + 1 = 3.5 persons: shown 4 (halves up), beside the sample of 3
        assertThat(s.weightTotal()).isEqualByComparingTo("3.5");
        assertThat(s.weightedRows()).isEqualTo(2);
        JsonNode j = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(j.at("/weighted/sampleSize").asLong()).isEqualTo(3);
        assertThat(j.at("/weighted/rowsWithWeight").asLong()).isEqualTo(2);
        assertThat(j.at("/weighted/weightTotal").asText()).isEqualTo("3.5");
        assertThat(j.at("/weighted/estimatedPersons").asLong()).isEqualTo(4);
        // the three have the same wage and history: each the same contributions c; weighted 3.5 c; scaled to 7 persons: 7 c
        long c = s.contributionsTotal().totalLast12() / 3;
        assertThat(c * 3).isEqualTo(s.contributionsTotal().totalLast12());
        assertThat(c).isPositive();
        assertThat(j.at("/weighted/contributionsLast12Months/total").asLong()).isEqualTo(new BigDecimal(c).multiply(new BigDecimal("3.5"))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        assertThat(j.at("/scaling/sampleSize").asLong()).isEqualTo(3);
        assertThat(j.at("/scaling/weightTotal").asText()).isEqualTo("3.5");
        assertThat(j.at("/scaling/estimates/contributionsLast12Months").asLong()).isEqualTo(7 * c);
        // the flat results carry each row's weight
        List<String> flat = Files.readAllLines(out.resolve("results.csv"));
        assertThat(flat.get(0)).startsWith("line,id,sex,employmentStatus,sector,ageBand,wageBand,weight,");
        // (the wage band "800,000 to 1,199,999" is quoted: a CSV reader sees one field)
        assertThat(flat.subList(1, 4)).extracting(l -> org.rulesascode.nssf.population.internal.Csv.split(l).get(7)).containsExactly("2", "0.5", "1");
        assertThat(flat.subList(1, 4)).extracting(l -> org.rulesascode.nssf.population.internal.Csv.split(l).get(6)).containsOnly("800,000 to 1,199,999");
        assertThat(org.rulesascode.nssf.population.internal.Csv.split(flat.get(1))).hasSameSizeAs(org.rulesascode.nssf.population.internal.Csv.split(flat.get(0)));
        assertThat(Files.readAllLines(out.resolve("results.jsonl")).get(1)).contains("\"weight\":0.5");
    }

    @Test
    void withoutAnyWeight_theSummaryHasNoWeightedBlock_andScalingIsTheSamplesFigureTimesNOverN() throws Exception {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, CsvProfiles.HEADER + "\n"
                + "a,1990-05-01,MALE,EMPLOYEE,CONSTRUCTION,2020-01-06,60,2024-07,2025-06,1000000,KHR,,true,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("plain");
        RunSummary s = PopulationRunner.run(EligibilityEngine.standard(), new PopulationRunner.Options(LocalDate.of(2025, 6, 30), file, InputFormat.csv,
                out, 1, null, false, new Presentation(3L, null)));
        JsonNode j = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(j.has("weighted")).isFalse();
        assertThat(j.at("/scaling").has("weightTotal")).isFalse();
        assertThat(j.at("/scaling/estimates/contributionsLast12Months").asLong()).isEqualTo(3 * s.contributionsTotal().totalLast12());
    }

    // ---- summing ----------------------------------------------------------------------------------------------

    static PersonResult person(String id, Long wage, BigDecimal weight, long nssfValue, long contributionsLast12) {
        List<PersonResult.DecisionResult> ds = nssfValue == 0 ? List.of() : List.of(new PersonResult.DecisionResult(Scheme.HEALTH_CARE,
                Benefit.MATERNITY_ALLOWANCE, LocalDate.of(2025, 3, 1), Outcome.ELIGIBLE, true, nssfValue, AmountPeriod.ONCE, null, false, false, nssfValue, true));
        Map<Scheme, PersonResult.Contributions> cs = contributionsLast12 == 0 ? Map.of() : Map.of(Scheme.PENSION,
                new PersonResult.Contributions(contributionsLast12, contributionsLast12 / 2, contributionsLast12 / 2, contributionsLast12,
                        contributionsLast12 / 2, contributionsLast12 / 2));
        return new PersonResult(1, id, Sex.FEMALE, EmploymentStatus.EMPLOYEE, Sector.GARMENT, "25-34", Valuation.wageBand(wage), YearMonth.of(2025, 6),
                ds, cs, null, wage, weight);
    }

    @Test
    void weightedSums_areExact_andRoundedHalfUpOnlyWhenShown() {
        RunSummary s = new RunSummary();
        // a: weight 2.5, allowance 900,001 → 2,250,002.5; contributions 40,000 → 100,000
        s.add(person("a", 1_000_000L, new BigDecimal("2.5"), 900_001L, 40_000L));
        // b: no weight (1), allowance 100,000; contributions 30,000
        s.add(person("b", 1_000_000L, null, 100_000L, 30_000L));
        // c: weight 0.000001, allowance 1 → 0.000001
        s.add(person("c", 1_000_000L, new BigDecimal("0.000001"), 1L, 0L));
        assertThat(s.weightTotal()).isEqualByComparingTo("3.500001");
        assertThat(s.weightedAnnualCost(Payer.NSSF)).isEqualByComparingTo("2350002.500001");
        assertThat(s.weightedContributionsLast12()).isEqualByComparingTo("130000");
        // the sample's figures do not change
        assertThat(s.annualCost(Payer.NSSF)).isEqualTo(1_000_002L);
        Map<String, Object> m = s.weightedMap();
        assertThat(m.get("sampleSize")).isEqualTo(3L);
        assertThat(m.get("weightTotal")).isEqualTo("3.500001");
        assertThat(m.get("estimatedPersons")).isEqualTo(4L); // 3.500001 → 4
        assertThat(((Map<?, ?>) m.get("annualCostByPayer")).get("NSSF")).isEqualTo(2_350_003L); // 2,350,002.500001 → 2,350,003
        // scaled to 7,000,002 persons: 7,000,002 / 3.500001 = 2 × 3,500,001 / (3,500,001 / 10^6) = 2,000,000 exactly, so
        // 2,350,002.500001 × 2,000,000 = 4,700,005,000,002
        assertThat(new Presentation(7_000_002L, null).scaled(s.weightedAnnualCost(Payer.NSSF), s.weightTotal())).isEqualTo(4_700_005_000_002L);
    }

    @Test
    void halvesGoUp_inEveryWeightedFigure() {
        RunSummary s = new RunSummary();
        s.add(person("a", 500_000L, new BigDecimal("0.5"), 1L, 0L)); // 0.5 person, 0.5 riel
        assertThat(s.weightedMap().get("estimatedPersons")).isEqualTo(1L);
        assertThat(((Map<?, ?>) s.weightedMap().get("annualCostByPayer")).get("NSSF")).isEqualTo(1L);
        RunSummary t = new RunSummary();
        t.add(person("b", 500_000L, new BigDecimal("0.499999"), 1L, 0L));
        assertThat(t.weightedMap().get("estimatedPersons")).isEqualTo(0L);
    }

    @Test
    void compareGroups_carryWeightedPersonsAndAmounts() {
        CompareSummary s = new CompareSummary();
        // a (weight 3): allowance 100,000 → 150,000, better off; contributions 10,000 → 12,000, paying more
        PersonResult a0 = person("a", 800_000L, new BigDecimal("3"), 100_000L, 10_000L);
        PersonResult a1 = person("a", 800_000L, new BigDecimal("3"), 150_000L, 12_000L);
        s.add(a0, a1, List.of(AnalystFiguresTests.flip(Benefit.MATERNITY_ALLOWANCE, Comparison.Change.AMOUNT_UP, Outcome.ELIGIBLE, Outcome.ELIGIBLE, 50_000L),
                new Comparison.Flip(Comparison.Flip.CONTRIBUTIONS, Scheme.PENSION, null, null, Comparison.Change.AMOUNT_UP, null, null, 10_000L, 12_000L,
                        null, 10_000L, 12_000L, 2_000L, true, "", "", false)));
        // b (weight 1.25): nothing changes
        PersonResult b = person("b", 2_500_000L, new BigDecimal("1.25"), 0L, 0L);
        s.add(b, b, List.of());
        CompareSummary.Group all = s.all();
        assertThat(all.persons()).isEqualTo(2);
        assertThat(all.weighted("persons")).isEqualByComparingTo("4.25");
        assertThat(all.weighted("betterOff")).isEqualByComparingTo("3");
        assertThat(all.weighted("payingMore")).isEqualByComparingTo("3");
        assertThat(all.weighted("worseOff")).isEqualByComparingTo("0");
        assertThat(all.weightedAnnualCostDelta(Payer.NSSF)).isEqualByComparingTo("150000"); // 3 × 50,000
        assertThat(all.weightedContributionDelta()).isEqualByComparingTo("6000");          // 3 × 2,000
        assertThat(all.weightedEmployerContributionDelta()).isEqualByComparingTo("3000"); // 3 × (6,000 − 5,000)
        assertThat(all.weightedWorkerContributionDelta()).isEqualByComparingTo("3000");
        Map<String, Object> w = s.weightedMap();
        assertThat(w.get("sampleSize")).isEqualTo(2L);
        assertThat(w.get("weightTotal")).isEqualTo("4.25");
        assertThat(((Map<?, ?>) ((Map<?, ?>) w.get("annualCostByPayer")).get("NSSF")).get("baseline")).isEqualTo(300_000L);
        assertThat(((Map<?, ?>) ((Map<?, ?>) w.get("annualCostByPayer")).get("NSSF")).get("reform")).isEqualTo(450_000L);
        // scaled to 17 persons: 3 × 17 / 4.25 = 12 better off; 150,000 × 17 / 4.25 = 600,000
        Presentation p = new Presentation(17L, null);
        assertThat(p.scaled(all.weighted("betterOff"), s.baseline().weightTotal())).isEqualTo(12L);
        assertThat(p.scaled(all.weightedAnnualCostDelta(Payer.NSSF), s.baseline().weightTotal())).isEqualTo(600_000L);
        // each group of a breakdown carries its weighted figures
        assertThat(s.breakdownsMap().toString()).contains("weighted");
    }

    @Test
    void mergingWeightedSummaries_givesTheSameBytes_inAnyOrder() {
        List<PersonResult> people = List.of(person("a", 100_000L, new BigDecimal("2.5"), 900_001L, 40_000L), person("b", 350_000L, null, 3L, 7L),
                person("c", 9_000_000L, new BigDecimal("0.125"), 5L, 11L), person("d", null, new BigDecimal("1000000000"), 7L, 13L));
        RunSummary whole = new RunSummary();
        people.forEach(whole::add);
        RunSummary x = new RunSummary();
        x.add(people.get(3));
        x.add(people.get(0));
        RunSummary y = new RunSummary();
        y.add(people.get(2));
        RunSummary z = new RunSummary();
        z.add(people.get(1));
        String expected = PopulationRunner.json(whole.weightedMap()) + PopulationRunner.json(whole.wageDeciles().toMap());
        RunSummary m1 = new RunSummary().merge(z).merge(y.merge(x));
        assertThat(PopulationRunner.json(m1.weightedMap()) + PopulationRunner.json(m1.wageDeciles().toMap())).isEqualTo(expected);
        // 2.5 + 1 + 0.125 + 10^9 persons
        assertThat(whole.weightTotal()).isEqualByComparingTo("1000000003.625");
    }

    @Test
    void aRowOfAProgram_mayCarryAWeight_checkedTheSameWay() {
        var profile = NssfJson.readProfile("{" + PROFILE + "}");
        assertThat(Row.of(1, profile, new BigDecimal("2.50")).read().weight()).isEqualByComparingTo("2.5");
        assertThatThrownBy(() -> Row.of(1, profile, new BigDecimal("-1"))).isInstanceOf(InvalidInputException.class).hasMessageContaining("not positive");
    }
}
