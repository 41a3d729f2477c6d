package org.rulesascode.nssf.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ComplianceIssue;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.TraceStep;

/** The decision letter, on hand-made assessments (no engine). */
class TextReportTests {

    static final Citation SD32 = new Citation("sub-decree-32-2021", "art. 13", "Sub-decree 32 (2021)");
    static final Citation P109 = new Citation("prakas-109-2016", "art. 6", "Prakas 109 (2016)");
    static final LocalDate BIRTH = LocalDate.of(2025, 6, 2);
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

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

    static Reason met(String id, String message) {
        return new Reason(id, CriterionStatus.MET, message, List.of(P109), List.of(), Map.of(), null);
    }

    static Decision benefit(Benefit b, Outcome o, Entitlement e, List<Reason> reasons, List<TraceStep> steps, boolean provisional) {
        return new Decision(Scheme.HEALTH_CARE, b, o, e, reasons, steps, provisional,
                provisional ? List.of("health_care.daily_allowance.days_divisor") : List.of(), BIRTH);
    }

    static Decision covered() {
        return new Decision(Scheme.HEALTH_CARE, Benefit.COVERAGE, Outcome.COVERED, null,
                List.of(met("HC-COV-01", "The worker is covered by the health-care scheme on 2025-06-30.")), List.of(), false, List.of());
    }

    /** A mother: one benefit of each outcome, an undetermined amount, an estimate, a compliance finding. */
    static Assessment mother() {
        Decision maternity = benefit(Benefit.MATERNITY_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(20_417L, AmountPeriod.PER_DAY, 90, false, null),
                List.of(met("HC-MAT-03", "Contributions were paid for 12 of the 12 months before the delivery.")),
                List.of(new TraceStep("daily wage", "875,000 KHR ÷ 30", "29,166.67 KHR"),
                        new TraceStep("maternity allowance per day", "0.7 × daily wage", "20,417 KHR")), false);
        Decision childbirth = benefit(Benefit.CHILDBIRTH_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(800_000L, AmountPeriod.ONCE, null, false, null), List.of(met("HC-CBA-10", "Every condition is met.")),
                List.of(), false);
        Decision employer = benefit(Benefit.EMPLOYER_MATERNITY_PAY, Outcome.NOT_ELIGIBLE, null, List.of(
                new Reason("HC-EMP-02", CriterionStatus.NOT_MET, "With 0 year(s) of service on the delivery date, less than the 1 required.",
                        List.of(new Citation("labour-law-1997", "art. 183", "Labour Law")), List.of(), Map.of(),
                        "1 year(s) of uninterrupted service before the delivery")), List.of(), false);
        Decision sickness = benefit(Benefit.SICKNESS_ALLOWANCE, Outcome.NEEDS_INFORMATION, null, List.of(
                new Reason("HC-SIC-05", CriterionStatus.UNKNOWN, "The days off work are not given.", List.of(P109), List.of(), Map.of(),
                        "give the days off work")), List.of(), false);
        Decision funeral = benefit(Benefit.FUNERAL_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(null, null, null, false, "the rules reference gives no amount"), List.of(met("HC-FUN-01", "The scheme pays a funeral allowance.")),
                List.of(), false);
        ParameterUse divisor = new ParameterUse("health_care.daily_allowance.days_divisor", "30", "day", LocalDate.of(2016, 1, 1),
                Confidence.PROVISIONAL, P109);
        Decision estimate = benefit(Benefit.TEMPORARY_DISABILITY_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(15_000L, AmountPeriod.PER_DAY, 10, true, null),
                List.of(new Reason("OR-TDA-10", CriterionStatus.MET, "The accident happened at work.", List.of(P109), List.of(divisor), Map.of(), null)),
                List.of(new TraceStep("daily allowance", "0.7 × 21,428.57", "15,000 KHR")), true);
        Decision notInForce = benefit(Benefit.UNEMPLOYMENT_BENEFIT, Outcome.NOT_IN_FORCE, null, List.of(
                new Reason("UNE-BEN-00", CriterionStatus.NOT_MET, "The unemployment scheme is not in force.", List.of(P109), List.of(), Map.of(), null)),
                List.of(), false);
        ComplianceFinding unpaid = new ComplianceFinding(ComplianceIssue.UNPAID_CONTRIBUTIONS, "CMP-02", "2024-07 to 2024-09",
                "The employer did not pay the contributions of 3 months.", List.of(P109), List.of(), 68_250L,
                List.of(new TraceStep("maternity allowance lost", "90 × 20,417", "1,837,530 KHR")));
        return new Assessment("sokha", AS_OF, "abc123", List.of(covered(), maternity, childbirth, employer, sickness, funeral, estimate, notInForce),
                months(YearMonth.of(2024, 7), YearMonth.of(2024, 9), 852_800, false), List.of(unpaid));
    }

    /** @return {@code text} with every run of white space (a wrapped line's break and indent) as one space */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** @return each of {@code texts}, flattened */
    static String[] flat(String... texts) {
        String[] out = new String[texts.length];
        for (int i = 0; i < texts.length; i++) out[i] = flat(texts[i]);
        return out;
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
    void render_coverageOnly_showsReasonsSourcesParametersTableAndProvisionalFooter() {
        ParameterUse rate = new ParameterUse("pension.contribution_rate", "0.04", "rate", LocalDate.of(2022, 10, 1), Confidence.CONFIRMED, SD32);
        ParameterUse accrual = new ParameterUse("pension.old_age.accrual_rate", "0.0175", "rate", LocalDate.of(2022, 10, 1), Confidence.PROVISIONAL, SD32);
        Decision d = new Decision(Scheme.PENSION, Benefit.COVERAGE, Outcome.COVERED, null, List.of(
                new Reason("PEN-COV-01", CriterionStatus.MET, "The worker is under 60.", List.of(SD32), List.of(rate), null, null),
                new Reason("PEN-COV-02", CriterionStatus.UNKNOWN, "The enterprise size is not known.", List.of(SD32), List.of(accrual), null, null)),
                List.of(), true, List.of("pension.old_age.accrual_rate"));
        Assessment a = new Assessment("sokha", AS_OF, "abc123", List.of(d),
                months(YearMonth.of(2022, 10), YearMonth.of(2025, 5), 852_800, true));

        String text = TextReport.render(a);

        assertThat(text).contains("NSSF assessment", "Profile:   sokha", "As of:     2025-06-30", "Rule set:  abc123",
                "Nothing is payable on the facts known up to 2025-06-30.",
                "You are covered by: pension.",
                "Pension (PENSION): covered (COVERED)  (provisional)",
                "[MET]     The worker is under 60. [PEN-COV-01]",
                "[UNKNOWN] The enterprise size is not known.",
                "Sources: Sub-decree 32 (2021), art. 13",
                "Uses pension.contribution_rate = 0.04 (4 %), from 2022-10-01",
                "pension.old_age.accrual_rate = 0.0175 (1.75 %), from 2022-10-01 (provisional)",
                "No breach of the law was found in the history.",
                "2022-10 … 2025-05 (32 months)", "852,800 KHR", "17,056 KHR", "34,112 KHR", "4 %",
                "Due over 32 months: 545,792 KHR employer + 545,792 KHR worker = 1,091,584 KHR",
                "Provisional values", "it is not a decision of NSSF");
    }

    @Test
    void render_lead_saysWhatSheGetsWithTotalsWhatSheLacksAndWhatIsMissing() {
        String text = TextReport.render(mother());
        String lead = text.substring(text.indexOf("What you get"), text.indexOf("Details: reasons"));

        // 20,417 x 90 = 1,837,530; 15,000 x 10 = 150,000; + 800,000 once = 2,787,530; the funeral allowance has no amount
        assertThat(flat(lead)).contains(flat(
                "  - NSSF maternity allowance, birth on 2025-06-02: 20,417 riel a day for 90 days: 1,837,530 riel in all",
                "  - State childbirth allowance, birth on 2025-06-02: 800,000 riel, paid once",
                "  - Funeral allowance (health care), death on 2025-06-02: the amount is not yet known: ask NSSF (hotline 1286)",
                "150,000 riel in all (an estimate, not the legal amount; provisional",
                "Money in all: 2,787,530 riel, and one amount not yet known.",
                "What you do not get",
                "  - Employer's maternity pay (Labour Law), birth on 2025-06-02: 1 year(s) of uninterrupted service before the delivery",
                "What NSSF needs to know first",
                "  - Sickness allowance, sickness from 2025-06-02: The days off work are not given.",
                "What to do next",
                "* Not in force on 2025-06-30: unemployment benefit."));
        assertThat(lead).doesNotContain("HC-", "UNE-BEN", "Prakas 109", "health_care.");
        assertThat(lead.indexOf("What you get")).isLessThan(lead.indexOf("What you do not get"));
        assertThat(lead.indexOf("What you do not get")).isLessThan(lead.indexOf("What NSSF needs to know first"));
        assertThat(text.lines().mapToInt(TextReport::width).max().orElseThrow())
                .as("prose is wrapped; only the contribution table may be wider").isLessThanOrEqualTo(TextReport.WIDTH + 20);
    }

    @Test
    void render_eachBenefit_hasItsDecisionAmountReasonsSourcesDistanceAndSteps() {
        String text = TextReport.render(mother());

        assertThat(flat(text)).contains(flat(
                "1. NSSF maternity allowance, birth on 2025-06-02",
                "  Scheme:   health care (HEALTH_CARE)",
                "  Decision: entitled (ELIGIBLE)",
                "  Amount:   20,417 riel a day for 90 days (1,837,530 riel in all)",
                "[MET]     Contributions were paid for 12 of the 12 months before the delivery. [HC-MAT-03]",
                "Sources: Prakas 109 (2016), art. 6",
                "  How the amount was calculated:",
                "   1. daily wage: 875,000 KHR ÷ 30 = 29,166.67 KHR",
                "   2. maternity allowance per day: 0.7 × daily wage = 20,417 KHR",
                "  Decision: not entitled (NOT_ELIGIBLE)",
                "[NOT MET] With 0 year(s) of service on the delivery date, less than the 1 required. [HC-EMP-02]",
                "What you would need: 1 year(s) of uninterrupted service before the delivery",
                "Sources: Labour Law, art. 183",
                "  Decision: more information needed (NEEDS_INFORMATION)",
                "[UNKNOWN] The days off work are not given. [HC-SIC-05]",
                "needed: give the days off work",
                "  Decision: entitled (ELIGIBLE)  (provisional)",
                "  Amount:   15,000 riel a day for 10 days (150,000 riel in all) (estimate, not the legal amount)",
                "Uses health_care.daily_allowance.days_divisor = 30 days, from 2016-01-01 (provisional)"));
    }

    @Test
    void render_complianceFindings_showIssueMonthsMessageMissingContributionsAndCosts() {
        String text = TextReport.render(mother());
        String section = text.substring(text.indexOf("Problems found in the history\n"), text.indexOf("Contributions\n"));

        assertThat(flat(section)).contains(flat("1. Contributions not paid", "Months: 2024-07 to 2024-09",
                "The employer did not pay the contributions of 3 months. [CMP-02]", "Contributions missing: 68,250 KHR",
                "Sources: Prakas 109 (2016), art. 6", "What it costs the worker:", "1. maternity allowance lost: 90 × 20,417 = 1,837,530 KHR"));
        assertThat(text).contains("; not paid: 102,336 KHR");
    }

    @Test
    void render_aProvisionalComplianceFinding_saysSoInItsHeading() {
        Assessment firm = mother();
        ComplianceFinding f = firm.compliance().get(0);
        ComplianceFinding provisional = new ComplianceFinding(f.issue(), f.ruleId(), f.months(), f.message(), f.citations(), f.parameters(),
                f.missingContributions(), f.costs(), true);
        Assessment a = new Assessment(firm.profileId(), firm.asOf(), firm.ruleSetVersion(), firm.decisions(), firm.contributions(), List.of(provisional));
        assertThat(TextReport.render(a)).contains("1. Contributions not paid  (provisional)\n");
        assertThat(TextReport.render(firm)).contains("1. Contributions not paid\n").doesNotContain("Contributions not paid  (provisional)");
    }

    @Test
    void render_aBenefitOfTwoSchemes_namesTheScheme() {
        Decision or = new Decision(Scheme.OCCUPATIONAL_RISK, Benefit.SURVIVORS_PENSION, Outcome.ELIGIBLE, null,
                List.of(met("OR-SUR-10", "The spouse receives the survivors' pension.")), List.of(), false, List.of(), BIRTH);
        Decision pen = new Decision(Scheme.PENSION, Benefit.SURVIVORS_PENSION, Outcome.NOT_ELIGIBLE, null, List.of(
                new Reason("PEN-SUR-02", CriterionStatus.NOT_MET, "Too few months.", List.of(SD32), List.of(), Map.of(), null)),
                List.of(), false, List.of(), BIRTH);
        String text = TextReport.render(new Assessment("x", AS_OF, "v", List.of(covered(), or, pen), List.of()));

        assertThat(text).contains("  - Survivors' pension (occupational risk), death on 2025-06-02",
                "  - Survivors' pension (pension), death on 2025-06-02: Too few months.");
        assertThat(TextReport.render(mother())).contains("  - NSSF maternity allowance, birth on 2025-06-02:");
    }

    @Test
    void render_sectionsComeInTheLettersOrder() {
        String text = TextReport.render(mother());
        List<String> order = List.of("NSSF assessment", "What you get\n", "What you do not get\n", "What NSSF needs to know first\n",
                "What to do next\n", "Your NSSF cover on 2025-06-30\n", "* Not in force", "Details: reasons",
                "Your benefits, one by one\n", "Coverage on 2025-06-30\n",
                "Problems found in the history\n", "Contributions\n", "Provisional values\n", "This letter was made by a computer program");
        int at = -1;
        for (String s : order) {
            int i = text.indexOf(s);
            assertThat(i).as("%s after position %d", s.strip(), at).isGreaterThan(at);
            at = i;
        }
    }

    @Test
    void render_khmer_labelsAreKhmerAndMarkedMachineMade() {
        String text = TextReport.render(mother(), Locale.forLanguageTag("km"));

        assertThat(flat(text)).contains(flat("NSSF assessment", "អ្វីដែលអ្នកទទួលបាន", "អ្វីដែលអ្នកមិនទទួលបាន",
                "អ្វីដែល ប.ស.ស. ត្រូវដឹងជាមុនសិន", "20,417 រៀលក្នុងមួយថ្ងៃ រយៈពេល 90 ថ្ងៃ៖ សរុប 1,837,530 រៀល", "800,000 រៀល ផ្តល់តែម្តង",
                "ធ្វើឡើងដោយម៉ាស៊ីន", "[បំពេញ]", "[មិនបំពេញ]", "30 ថ្ងៃ, ចាប់ពី 2016-01-01 (បណ្តោះអាសន្ន)"));
        assertThat(text).doesNotContain("What you get", "Why:", "How the amount was calculated:", "What to do next");
    }

    @Test
    void render_withoutLocale_picksKhmerLabelsWhenTheMessagesAreKhmer() {
        Decision d = new Decision(Scheme.HEALTH_CARE, Benefit.COVERAGE, Outcome.COVERED, null,
                List.of(met("HC-COV-01", "កម្មករស្ថិតក្នុងការគ្របដណ្តប់របស់របបថែទាំសុខភាព។")), List.of(), false, List.of());
        Assessment km = new Assessment("sokha", AS_OF, "abc123", List.of(d), List.of());

        assertThat(TextReport.render(km)).contains("អ្វីដែលអ្នកទទួលបាន").doesNotContain("What you get");
        assertThat(TextReport.render(mother())).contains("What you get").doesNotContain("អ្វីដែលអ្នកទទួលបាន");
    }

    @Test
    void labels_existInBothLanguages() {
        for (var e : TextReport.LABELS.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).hasSize(2);
            if (!e.getKey().equals("machineKhmer")) assertThat(e.getValue()[0]).as("English " + e.getKey()).isNotBlank();
            assertThat(e.getValue()[1]).as("Khmer " + e.getKey()).isNotBlank();
        }
        for (Benefit b : Benefit.values()) assertThat(TextReport.BENEFITS).as("plain name of %s", b).containsKey(b);
        for (Scheme s : Scheme.values()) assertThat(TextReport.SCHEMES).as("plain name of %s", s).containsKey(s);
    }

    @Test
    void wrap_breaksAtSpacesWithinTheWidth_andIndentsTheFollowingLines() {
        String text = "word ".repeat(40).strip();
        String wrapped = TextReport.wrap("  - ", "      ", text);
        List<String> lines = wrapped.lines().toList();
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.get(0)).startsWith("  - word");
        for (String l : lines) assertThat(TextReport.width(l)).isLessThanOrEqualTo(TextReport.WIDTH);
        for (String l : lines.subList(1, lines.size())) assertThat(l).startsWith("      word");
        assertThat(String.join(" ", wrapped.strip().split("\\s+"))).isEqualTo("- " + text);
    }

    @Test
    void width_countsKhmerSignsWrittenAboveOrBelowAsNoColumn() {
        assertThat(TextReport.width("abc")).isEqualTo(3);
        // សេចក្តី: SA, E (spacing), CA, KA, COENG (none), TA, II (above, none)
        assertThat(TextReport.width("សេចក្តី")).isEqualTo(5);
    }

    @Test
    void percent_and_khr_formats() {
        assertThat(TextReport.percent(new BigDecimal("0.008"))).isEqualTo("0.8 %");
        assertThat(TextReport.percent(new BigDecimal("0.026"))).isEqualTo("2.6 %");
        assertThat(TextReport.percent(new BigDecimal("0.1075"))).isEqualTo("10.75 %");
        assertThat(TextReport.percent(new BigDecimal("0.04"))).isEqualTo("4 %");
        assertThat(TextReport.khr(1_200_000)).isEqualTo("1,200,000 KHR");
        assertThat(TextReport.number(1_837_530)).isEqualTo("1,837,530");
    }

    @Test
    void value_showsTheUnitReadably() {
        assertThat(TextReport.value("0.008", "rate")).isEqualTo("0.008 (0.8 %)");
        assertThat(TextReport.value("1200000", "KHR")).isEqualTo("1,200,000 KHR");
        assertThat(TextReport.value("60", "year")).isEqualTo("60 years");
        assertThat(TextReport.value("1", "month")).isEqualTo("1 month");
        assertThat(TextReport.value("26", "week")).isEqualTo("26 weeks");
        assertThat(TextReport.value("8", "count")).isEqualTo("8");
        assertThat(TextReport.value("true", "boolean")).isEqualTo("true");
        assertThat(TextReport.value("22 brackets, 200000 to 1200000 KHR", "scale")).isEqualTo("22 brackets, 200000 to 1200000 KHR");
        assertThat(TextReport.value("60", "year", TextReport.Lang.KM)).isEqualTo("60 ឆ្នាំ");
    }
}
