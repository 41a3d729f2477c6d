package org.rulesascode.nssf.population;

import org.rulesascode.nssf.population.internal.Csv;
import org.rulesascode.nssf.population.internal.CsvProfiles;
import org.rulesascode.nssf.population.internal.Calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;

/** The "annual" definitions, the flip classification and the CSV format, on hand-made values. */
class ValuationTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Test
    void value_byPeriod() {
        assertThat(Valuation.value(new Entitlement(800_000L, AmountPeriod.ONCE, null, false, null))).isEqualTo(800_000L);
        // 20,417 a day for 90 days = 1,837,530
        assertThat(Valuation.value(new Entitlement(20_417L, AmountPeriod.PER_DAY, 90, false, null))).isEqualTo(1_837_530L);
        assertThat(Valuation.value(new Entitlement(20_417L, AmountPeriod.PER_DAY, null, false, null))).as("days unknown").isNull();
        // a monthly amount paid for a number of days: 100,001 × 45 / 30 = 150,001.5 → 150,002 (halves up)
        assertThat(Valuation.value(new Entitlement(100_001L, AmountPeriod.PER_MONTH, 45, false, null))).isEqualTo(150_002L);
        // 421,617 × 90 / 30 = 1,264,851
        assertThat(Valuation.value(new Entitlement(421_617L, AmountPeriod.PER_MONTH, 90, false, null))).isEqualTo(1_264_851L);
        // a pension: its first year, 43,750 × 12 = 525,000
        assertThat(Valuation.value(new Entitlement(43_750L, AmountPeriod.PER_MONTH, null, true, null))).isEqualTo(525_000L);
        assertThat(Valuation.value(new Entitlement(null, AmountPeriod.ONCE, null, false, "unknown"))).isNull();
        assertThat(Valuation.value((Entitlement) null)).isNull();
    }

    @Test
    void lastYear_isAfterAsOfMinusOneYear_andOnOrBeforeAsOf() {
        assertThat(Valuation.lastYear(LocalDate.of(2024, 6, 30), AS_OF)).isFalse();
        assertThat(Valuation.lastYear(LocalDate.of(2024, 7, 1), AS_OF)).isTrue();
        assertThat(Valuation.lastYear(AS_OF, AS_OF)).isTrue();
        assertThat(Valuation.lastYear(AS_OF.plusDays(1), AS_OF)).isFalse();
        assertThat(Valuation.lastYear(null, AS_OF)).isFalse();
    }

    @Test
    void last12Months_endWithTheAsOfMonth() {
        assertThat(Valuation.last12Months(YearMonth.of(2024, 6), AS_OF)).isFalse();
        assertThat(Valuation.last12Months(YearMonth.of(2024, 7), AS_OF)).isTrue();
        assertThat(Valuation.last12Months(YearMonth.of(2025, 6), AS_OF)).isTrue();
        assertThat(Valuation.last12Months(YearMonth.of(2025, 7), AS_OF)).isFalse();
    }

    @Test
    void ageBand_onTheAsOfDate() {
        assertThat(Valuation.ageBand(LocalDate.of(2000, 7, 1), AS_OF)).isEqualTo("under 25"); // 24
        assertThat(Valuation.ageBand(LocalDate.of(2000, 6, 30), AS_OF)).isEqualTo("25-34");   // 25 that day
        assertThat(Valuation.ageBand(LocalDate.of(1965, 7, 1), AS_OF)).isEqualTo("55-59");    // 59
        assertThat(Valuation.ageBand(LocalDate.of(1965, 6, 30), AS_OF)).isEqualTo("60 and over");
    }

    // ---- flips --------------------------------------------------------------------------------------------------

    static final Citation CITE = new Citation("test", "", "Test instrument");

    static Reason reason(String rule, CriterionStatus status, String param, String value) {
        List<ParameterUse> ps = param == null ? List.of()
                : List.of(new ParameterUse(param, value, "month", LocalDate.of(2016, 1, 1), Confidence.CONFIRMED, CITE));
        return new Reason(rule, status, "", List.of(CITE), ps, Map.of(), null);
    }

    static Decision decision(Benefit b, Outcome o, Entitlement e, Reason... rs) {
        return new Decision(Scheme.HEALTH_CARE, b, o, e, List.of(rs), List.of(), false, List.of(), LocalDate.of(2025, 3, 1));
    }

    static Assessment assessment(List<Decision> ds, List<ContributionLine> ls) {
        return new Assessment("p", AS_OF, "v", ds, ls);
    }

    @Test
    void flips_gainWithItsRulesAndParameters() {
        Decision before = decision(Benefit.MATERNITY_ALLOWANCE, Outcome.NOT_ELIGIBLE, null,
                reason("HC-MAT-03", CriterionStatus.NOT_MET, "health_care.maternity.qualifying_months", "9"));
        Decision after = decision(Benefit.MATERNITY_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(20_000L, AmountPeriod.PER_DAY, 90, false, null),
                reason("HC-MAT-03", CriterionStatus.MET, "health_care.maternity.qualifying_months", "6"), reason("HC-MAT-10", CriterionStatus.MET, "health_care.maternity.allowance_rate", "0.7"));
        Decision same = decision(Benefit.CHILDBIRTH_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(800_000L, AmountPeriod.ONCE, null, false, null));
        List<Comparison.Flip> fs = Comparison.flips(assessment(List.of(before, same), List.of()), assessment(List.of(after, same), List.of()), AS_OF);
        assertThat(fs).hasSize(1);
        Comparison.Flip f = fs.get(0);
        assertThat(f.change()).isEqualTo(Comparison.Change.GAIN);
        assertThat(f.baseValue()).isNull();
        assertThat(f.reformValue()).isEqualTo(1_800_000L); // 20,000 × 90
        assertThat(f.delta()).isEqualTo(1_800_000L);
        assertThat(f.lastYear()).isTrue();
        assertThat(f.rules()).isEqualTo("-HC-MAT-03:NOT_MET +HC-MAT-03:MET +HC-MAT-10:MET");
        // the allowance rate, read only by the rule that now fires, is a consequence, not a cause
        assertThat(f.parameters()).isEqualTo("health_care.maternity.qualifying_months: 9 → 6");
        assertThat(Comparison.parameterDifference(List.of(), after.reasons().get(1).parameters()))
                .as("with no parameter changed on both sides, the one-sided ones are shown")
                .isEqualTo("health_care.maternity.allowance_rate: (not used) → 0.7");
        // and the reverse is a loss of the same amount
        Comparison.Flip back = Comparison.flips(assessment(List.of(after), List.of()), assessment(List.of(before), List.of()), AS_OF).get(0);
        assertThat(back.change()).isEqualTo(Comparison.Change.LOSS);
        assertThat(back.delta()).isEqualTo(-1_800_000L);
    }

    @Test
    void flips_amountChange_undeterminedAmount_andContributionLines() {
        Decision low = decision(Benefit.SICKNESS_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(10_000L, AmountPeriod.PER_DAY, 5, false, null));
        Decision high = decision(Benefit.SICKNESS_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(12_000L, AmountPeriod.PER_DAY, 5, false, null));
        Decision unknown = decision(Benefit.SICKNESS_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(null, AmountPeriod.PER_DAY, 5, false, "no wage"));
        Comparison.Flip up = Comparison.flips(assessment(List.of(low), List.of()), assessment(List.of(high), List.of()), AS_OF).get(0);
        assertThat(up.change()).isEqualTo(Comparison.Change.AMOUNT_UP);
        assertThat(up.delta()).isEqualTo(10_000L); // (12,000 − 10,000) × 5
        Comparison.Flip other = Comparison.flips(assessment(List.of(low), List.of()), assessment(List.of(unknown), List.of()), AS_OF).get(0);
        assertThat(other.change()).isEqualTo(Comparison.Change.OTHER);
        assertThat(other.delta()).isNull();

        ParameterUse ceiling12 = new ParameterUse("pension.contributable_wage.ceiling", "1200000", "KHR", LocalDate.of(2022, 10, 1), Confidence.CONFIRMED, CITE);
        ParameterUse ceiling20 = new ParameterUse("pension.contributable_wage.ceiling", "2000000", "KHR", LocalDate.of(2025, 1, 1), Confidence.REFORM, CITE);
        ContributionLine b1 = line(YearMonth.of(2025, 5), 1_200_000, 24_000, ceiling12);
        ContributionLine b2 = line(YearMonth.of(2024, 5), 1_200_000, 24_000, ceiling12);
        ContributionLine r1 = line(YearMonth.of(2025, 5), 2_000_000, 40_000, ceiling20);
        List<Comparison.Flip> fs = Comparison.flips(assessment(List.of(low), List.of(b2, b1)), assessment(List.of(high), List.of(b2, r1)), AS_OF);
        assertThat(fs).extracting(Comparison.Flip::kind).containsExactly("DECISION", "CONTRIBUTIONS");
        Comparison.Flip c = fs.get(1);
        assertThat(c.baseAmount()).isEqualTo(96_000L);    // 48,000 + 48,000, all months
        assertThat(c.reformAmount()).isEqualTo(128_000L); // 48,000 + 80,000
        assertThat(c.baseValue()).isEqualTo(48_000L);     // only 2025-05 is in the last 12 months
        assertThat(c.reformValue()).isEqualTo(80_000L);
        assertThat(c.delta()).isEqualTo(32_000L);
        assertThat(c.parameters()).isEqualTo("pension.contributable_wage.ceiling: 1200000 → 2000000");
        assertThat(fs.get(0).parameters()).as("a decision changed through its wages is explained by the changed lines")
                .isEqualTo("via the contribution lines: pension.contributable_wage.ceiling: 1200000 → 2000000");
    }

    static ContributionLine line(YearMonth m, long wage, long share, ParameterUse p) {
        return new ContributionLine(m, Scheme.PENSION, wage, new BigDecimal("0.04"), share, share, 2 * share, true, false, "PEN-CON-01",
                List.of(CITE), List.of(p));
    }

    // ---- CSV ----------------------------------------------------------------------------------------------------

    @Test
    void csv_splitAndQuote_roundTrip() {
        assertThat(Csv.split("a,\"b, c\",,\"d \"\"e\"\"\"")).containsExactly("a", "b, c", "", "d \"e\"");
        assertThat(Csv.split("")).containsExactly("");
        assertThat(Csv.quote("x, \"y\"")).isEqualTo("\"x, \"\"y\"\"\"");
        assertThat(Csv.split(Csv.quote("x, \"y\"") + "," + Csv.quote("plain"))).containsExactly("x, \"y\"", "plain");
        assertThatThrownBy(() -> Csv.split("a,\"open")).hasMessageContaining("not closed (field 2)");
        assertThatThrownBy(() -> Csv.split("a,b\"c")).hasMessageContaining("quote inside an unquoted field (field 2)");
    }

    @Test
    void csvHeader_mustBeTheDocumentedColumns() {
        CsvProfiles.checkHeader(CsvProfiles.HEADER);
        assertThatThrownBy(() -> CsvProfiles.checkHeader("id,birthDate,sex"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lacks the column employmentStatus (column 4)");
        assertThatThrownBy(() -> CsvProfiles.checkHeader(CsvProfiles.HEADER.replace("sex", "gender")))
                .hasMessageContaining("has 'gender' as column 3 where sex is expected");
        assertThatThrownBy(() -> CsvProfiles.checkHeader(CsvProfiles.HEADER + ",extra")).hasMessageContaining("one too many from 'extra'");
    }

    @Test
    void csvRow_errorsNameTheColumn() {
        String ok = "a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2024-01,2025-06,208,USD,4100,true,";
        assertThat(CsvProfiles.parse(ok).history()).hasSize(1);
        assertThat(CsvProfiles.parse(ok).wage().toRiel()).isEqualTo(852_800L); // 208 × 4,100
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2024-01,,208,USD,4100,true,", "historyTo");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2025-07,2025-06,208,KHR,,true,", "historyTo");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2024-01,2025-06,,,,true,", "declaredWage");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2024-01,2025-06,-5,,,true,", "declaredWage");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2024-01,2025-06,5,,,yes,", "paid");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,0,2024-01,2025-06,5,,,,", "enterpriseWorkers");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2024-01,2025-06,5,,,,PENSION|NOPE", "schemes");
        assertField("a,1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,2007-12,2025-06,5,,,,", "historyFrom");
        assertField(",1990-05-01,FEMALE,EMPLOYEE,GARMENT,,,,,,,,,", "id");
    }

    private static void assertField(String line, String field) {
        assertThatThrownBy(() -> CsvProfiles.parse(line)).as(line).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }

    @Test
    void readmeCsvExample_isTheHeader_andItsRowsParse() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        int start = readme.indexOf("```csv\n");
        assertThat(start).as("a ```csv block in README.md").isNotNegative();
        List<String> block = readme.substring(start + 7, readme.indexOf("```", start + 7)).lines().toList();
        assertThat(block.get(0)).isEqualTo(CsvProfiles.HEADER);
        assertThat(block).hasSizeGreaterThan(1);
        for (String row : block.subList(1, block.size())) assertThat(CsvProfiles.parse(row).id()).isNotBlank();
    }
}
