package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;

/** The text report, on hand-made assessments (no engine). */
class TextReportTests {

    static final Citation SD32 = new Citation("sub-decree-32-2021", "art. 13", "Sub-decree 32 (2021)");

    static ContributionLine pension(YearMonth m, long wage, boolean paid) {
        long share = Math.round(wage * 0.02);
        return new ContributionLine(m, Scheme.PENSION, wage, new BigDecimal("0.04"), share, share, 2 * share, paid, false,
                "PEN-CON-01", List.of(SD32), List.of());
    }

    static List<ContributionLine> months(YearMonth from, YearMonth to, long wage, boolean paid) {
        List<ContributionLine> ls = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) ls.add(pension(m, wage, paid));
        return ls;
    }

    @Test
    void compress_identicalConsecutiveMonths_becomeOneRow() {
        List<ContributionLine> lines = new ArrayList<>(months(YearMonth.of(2022, 10), YearMonth.of(2025, 5), 852_800, true));
        List<TextReport.Row> rows = TextReport.compress(lines);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).label()).isEqualTo("2022-10 … 2025-05 (32 months)");
    }

    @Test
    void compress_changedAmountGapOrPayment_startsANewRow() {
        List<ContributionLine> lines = new ArrayList<>();
        lines.addAll(months(YearMonth.of(2023, 1), YearMonth.of(2023, 6), 820_000, true));
        lines.addAll(months(YearMonth.of(2023, 7), YearMonth.of(2023, 9), 820_000, false)); // unpaid
        lines.addAll(months(YearMonth.of(2023, 10), YearMonth.of(2023, 12), 836_400, false)); // new wage
        lines.addAll(months(YearMonth.of(2024, 3), YearMonth.of(2024, 3), 836_400, false)); // after a gap
        assertThat(TextReport.compress(lines)).extracting(TextReport.Row::label).containsExactly(
                "2023-01 … 2023-06 (6 months)", "2023-07 … 2023-09 (3 months)", "2023-10 … 2023-12 (3 months)", "2024-03");
    }

    @Test
    void render_showsReasonsSourcesParametersTableAndProvisionalFooter() {
        ParameterUse rate = new ParameterUse("pension.contribution_rate", "0.04", "rate", LocalDate.of(2022, 10, 1), Confidence.CONFIRMED, SD32);
        ParameterUse accrual = new ParameterUse("pension.old_age.accrual_rate", "0.0175", "rate", LocalDate.of(2022, 10, 1), Confidence.PROVISIONAL, SD32);
        Decision d = new Decision(Scheme.PENSION, Benefit.COVERAGE, Outcome.COVERED, null, List.of(
                new Reason("PEN-COV-01", CriterionStatus.MET, "The worker is under 60.", List.of(SD32), List.of(rate), null, null),
                new Reason("PEN-COV-02", CriterionStatus.UNKNOWN, "The enterprise size is not known.", List.of(SD32), List.of(accrual), null, null)),
                List.of(), true, List.of("pension.old_age.accrual_rate"));
        Assessment a = new Assessment("sokha", LocalDate.of(2025, 6, 30), "abc123", List.of(d),
                months(YearMonth.of(2022, 10), YearMonth.of(2025, 5), 852_800, true));

        String text = TextReport.render(a);

        assertThat(text).contains("Profile:   sokha", "As of:     2025-06-30", "Rule set:  abc123",
                "PENSION · COVERAGE: COVERED  (provisional)",
                "[MET]     The worker is under 60.  [PEN-COV-01]",
                "[UNKNOWN] The enterprise size is not known.",
                "Sources: Sub-decree 32 (2021), art. 13",
                "Uses pension.contribution_rate = 0.04 (4 %), from 2022-10-01",
                "pension.old_age.accrual_rate = 0.0175 (1.75 %), from 2022-10-01 (provisional)",
                "2022-10 … 2025-05 (32 months)", "852,800 KHR", "17,056 KHR", "34,112 KHR", "4 %",
                "Due over 32 months: 545,792 KHR employer + 545,792 KHR worker = 1,091,584 KHR",
                "Provisional values");
    }

    @Test
    void percent_and_khr_formats() {
        assertThat(TextReport.percent(new BigDecimal("0.008"))).isEqualTo("0.8 %");
        assertThat(TextReport.percent(new BigDecimal("0.026"))).isEqualTo("2.6 %");
        assertThat(TextReport.percent(new BigDecimal("0.1075"))).isEqualTo("10.75 %");
        assertThat(TextReport.percent(new BigDecimal("0.04"))).isEqualTo("4 %");
        assertThat(TextReport.khr(1_200_000)).isEqualTo("1,200,000 KHR");
    }

    @Test
    void value_showsTheUnitReadably() {
        assertThat(TextReport.value("0.008", "rate")).isEqualTo("0.008 (0.8 %)");
        assertThat(TextReport.value("1200000", "KHR")).isEqualTo("1,200,000 KHR");
        assertThat(TextReport.value("60", "year")).isEqualTo("60 years");
        assertThat(TextReport.value("1", "month")).isEqualTo("1 month");
        assertThat(TextReport.value("8", "count")).isEqualTo("8");
        assertThat(TextReport.value("true", "boolean")).isEqualTo("true");
        assertThat(TextReport.value("22 brackets, 200000 to 1200000 KHR", "scale")).isEqualTo("22 brackets, 200000 to 1200000 KHR");
    }
}
