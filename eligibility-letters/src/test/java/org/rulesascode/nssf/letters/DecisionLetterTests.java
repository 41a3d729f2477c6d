package org.rulesascode.nssf.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;

/** The worker's letter through its public entry, on hand-made assessments; every expected number is worked out here. */
class DecisionLetterTests {
    static final LocalDate BIRTH = LocalDate.of(2025, 6, 2);
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final Citation P109 = new Citation("prakas-109-2016", "art. 6", "Prakas 109 (2016)");
    static final Locale KM = Locale.forLanguageTag("km");

    static ParameterUse param(String id, String value, String unit) {
        return new ParameterUse(id, value, unit, LocalDate.of(2018, 1, 1), Confidence.CONFIRMED, P109);
    }

    static Reason reason(String id, CriterionStatus st, String msg, List<ParameterUse> ps, Map<String, String> facts, String distance) {
        return new Reason(id, st, msg, List.of(P109), ps, facts, distance);
    }

    static Decision decision(Scheme s, Benefit b, Outcome o, Entitlement e, Reason... rs) {
        return new Decision(s, b, o, e, List.of(rs), List.of(), false, List.of(), b == Benefit.COVERAGE ? null : BIRTH);
    }

    static Decision covered(Scheme s) {
        return decision(s, Benefit.COVERAGE, Outcome.COVERED, null, reason("X-COV", CriterionStatus.MET, "Covered.", List.of(), Map.of(), null));
    }

    static Assessment of(Decision... ds) {
        return new Assessment("w1", AS_OF, "v1", List.of(ds), List.of());
    }

    /** Sokha: 20,417 riel a day for 90 days from NSSF (70 %), 421,617 riel a month for 90 days from her employer (50 %). */
    static Assessment mother() {
        Decision nssf = decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(20_417L, AmountPeriod.PER_DAY, 90, false, null),
                reason("HC-MAT-03", CriterionStatus.MET, "Paid 12 of 12 months.", List.of(param("health_care.maternity.allowance_rate", "0.7", "rate")), Map.of(), null));
        Decision employer = decision(Scheme.HEALTH_CARE, Benefit.EMPLOYER_MATERNITY_PAY, Outcome.ELIGIBLE,
                new Entitlement(421_617L, AmountPeriod.PER_MONTH, 90, false, null),
                reason("HC-EMP-01", CriterionStatus.MET, "Six years of service.", List.of(param("labour_law.maternity.employer_pay_rate", "0.5", "rate")), Map.of(), null));
        Decision unemployment = decision(Scheme.UNEMPLOYMENT, Benefit.UNEMPLOYMENT_BENEFIT, Outcome.NOT_IN_FORCE, null,
                reason("UNE-BEN-00", CriterionStatus.NOT_MET, "Not in force.", List.of(), Map.of(), null));
        return of(covered(Scheme.HEALTH_CARE), nssf, employer, unemployment);
    }

    @Test
    void text_maternity_givesHerWholeIncomeWithEachPayersShare() {
        String text = TextReportTests.flat(DecisionLetter.text(mother(), Locale.ENGLISH, false));
        // 20,417 x 90 = 1,837,530; 421,617 a month over 90 days of 30-day months = 421,617 x 3 = 1,264,851; sum 3,102,381
        assertThat(text).contains("20,417 riel a day for 90 days: 1,837,530 riel in all",
                "421,617 riel a month for 90 days: about 1,264,851 riel in all",
                "Your maternity income in all: 3,102,381 riel. NSSF pays 1,837,530 riel (70\u00a0% of your wage for 90 days) "
                        + "and your employer pays about 1,264,851 riel (50\u00a0% of your wage for the leave, under the Labour Law): 120\u00a0% of your wage in all.",
                "Money in all: 3,102,381 riel.");
    }

    @Test
    void text_notInForce_isOneFootnoteAfterTheLead_notAnItemAtTheTop() {
        String text = DecisionLetter.text(mother(), Locale.ENGLISH, false);
        assertThat(text).contains("* Not in force on 2025-06-30: unemployment benefit. The law foresees it, but it has not started.");
        assertThat(text.indexOf("Unemployment")).as("no unemployment item at the top").isEqualTo(-1);
        assertThat(text.indexOf("What you get")).isLessThan(text.indexOf("* Not in force"));
    }

    @Test
    void text_withoutDetail_hasNoRuleIdsParameterIdsOrSources_withDetailHasThem() {
        String plain = DecisionLetter.text(mother(), Locale.ENGLISH, false);
        String detail = DecisionLetter.text(mother(), Locale.ENGLISH, true);
        assertThat(plain).doesNotContain("HC-MAT-03", "health_care.maternity", "Prakas 109", "[MET]");
        assertThat(detail).contains("HC-MAT-03", "health_care.maternity.allowance_rate", "Prakas 109 (2016)", "[MET]");
    }

    @Test
    void text_refusal_givesTheSingleThingThatWouldChangeIt_withProperPlurals() {
        Decision oneMonth = decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.NOT_ELIGIBLE, null,
                reason("HC-MAT-04", CriterionStatus.NOT_MET, "Paid 8 of 12; the law asks for 9.",
                        List.of(param("health_care.maternity.qualifying_window_months", "12", "month")), Map.of("hcWindowShortfall", "1"),
                        "needs 1 more contribution months in the 12 months before delivery"));
        Decision service = decision(Scheme.HEALTH_CARE, Benefit.EMPLOYER_MATERNITY_PAY, Outcome.NOT_ELIGIBLE, null,
                reason("HC-EMP-02", CriterionStatus.NOT_MET, "With 0 year(s) of service.",
                        List.of(param("labour_law.maternity.min_service_years", "1", "year")), Map.of("serviceYears", "0"),
                        "1 year(s) of uninterrupted service before the delivery"));
        String text = TextReportTests.flat(DecisionLetter.text(of(covered(Scheme.HEALTH_CARE), oneMonth, service), Locale.ENGLISH, false));
        assertThat(text).contains("you would get it with one more month of paid contributions in the 12 months before the delivery",
                "you would get it with one year of uninterrupted service with your employer before the delivery");
        assertThat(text).doesNotContain("(s)", "months months");

        Decision four = decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.NOT_ELIGIBLE, null,
                reason("HC-MAT-04", CriterionStatus.NOT_MET, "Paid 5 of 12.",
                        List.of(param("health_care.maternity.qualifying_window_months", "12", "month")), Map.of("hcWindowShortfall", "4"), "x"));
        assertThat(TextReportTests.flat(DecisionLetter.text(of(four), Locale.ENGLISH, false))).contains("with 4 more months of paid contributions");
    }

    @Test
    void text_missingFact_isNamedInWorkerWords_notAsAField() {
        Decision cba = decision(Scheme.HEALTH_CARE, Benefit.CHILDBIRTH_ALLOWANCE, Outcome.NEEDS_INFORMATION, null,
                reason("HC-CBA-08", CriterionStatus.UNKNOWN, "The date NSSF was notified of the pregnancy is not given (notifiedOn).", List.of(), Map.of(), "give notifiedOn"));
        String text = TextReportTests.flat(DecisionLetter.text(of(cba), Locale.ENGLISH, false));
        assertThat(text).contains("State childbirth allowance, birth on 2025-06-02: NSSF needs to know the date you told NSSF of the pregnancy");
        assertThat(text).doesNotContain("notifiedOn", "give notifiedOn");
        assertThat(TextReportTests.flat(DecisionLetter.text(of(cba), KM, false))).contains("កាលបរិច្ឆេទដែលអ្នកបានជូនដំណឹងដល់ ប.ស.ស. អំពីការមានផ្ទៃពោះ");
    }

    @Test
    void text_voluntaryMemberWhoStoppedPaying_readsWhy() {
        Map<String, String> facts = Map.of("vhcMember", "true", "vhcUnpaidRun", "7", "employmentStatus", "SELF_EMPLOYED");
        Decision vhc = decision(Scheme.VOLUNTARY_HEALTH_CARE, Benefit.COVERAGE, Outcome.NOT_COVERED, null,
                reason("VHC-COV-04", CriterionStatus.NOT_MET, "Stopped paying for 7 months.", List.of(), facts, null));
        String text = TextReportTests.flat(DecisionLetter.text(of(vhc), Locale.ENGLISH, false));
        assertThat(text).contains("You are not covered by any NSSF scheme on 2025-06-30.",
                "You lost the cover of the voluntary health-care scheme: you did not pay its contribution for 7 months in a row.");
        assertThat(text).doesNotContain("no scheme");
    }

    @Test
    void text_selfEmployedNotInTheVoluntaryScheme_isToldHowToJoin() {
        Map<String, String> facts = Map.of("vhcMember", "false", "employmentStatus", "SELF_EMPLOYED");
        Decision vhc = decision(Scheme.VOLUNTARY_HEALTH_CARE, Benefit.COVERAGE, Outcome.NOT_COVERED, null,
                reason("VHC-COV-05", CriterionStatus.NOT_MET, "Not a member.", List.of(), facts, "join"));
        String text = TextReportTests.flat(DecisionLetter.text(of(vhc), Locale.ENGLISH, false));
        assertThat(text).contains("To join the voluntary health-care scheme", "nssf contributions --status SELF_EMPLOYED");
    }

    @Test
    void text_nextSteps_sayWhereByWhenAndHowSure_andAskNssfWhereUnknown() {
        Decision cba = decision(Scheme.HEALTH_CARE, Benefit.CHILDBIRTH_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(800_000L, AmountPeriod.ONCE, null, false, null),
                reason("HC-CBA-06", CriterionStatus.MET, "Notified in time.", List.of(param("health_care.childbirth_allowance.notice_months", "3", "month")), Map.of(), null));
        Decision funeral = decision(Scheme.PENSION, Benefit.FUNERARY_ALLOWANCE, Outcome.ELIGIBLE, new Entitlement(null, null, null, false, "no amount"),
                reason("PEN-FUN-01", CriterionStatus.MET, "Pays.", List.of(), Map.of(), null));
        String text = TextReportTests.flat(DecisionLetter.text(of(cba, funeral), Locale.ENGLISH, false));
        assertThat(text).contains("no later than 3 months before the delivery", "Khmer identity card", "(confirmed by two sources)",
                "ask NSSF (hotline 1286)", "call the NSSF hotline 1286");
        Decision cbaWithoutParameter = decision(Scheme.HEALTH_CARE, Benefit.CHILDBIRTH_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(800_000L, AmountPeriod.ONCE, null, false, null), reason("HC-CBA-06", CriterionStatus.MET, "ok", List.of(), Map.of(), null));
        assertThat(TextReportTests.flat(DecisionLetter.text(of(cbaWithoutParameter), Locale.ENGLISH, false)))
                .as("no number the decision did not use").contains("well before the delivery").doesNotContain("3 months");
    }

    @Test
    void text_khmer_leadHasNoEnglishWords() {
        String km = DecisionLetter.text(mother(), KM, false);
        String lead = km.substring(km.indexOf("អ្វីដែលអ្នកទទួលបាន"), km.indexOf("* "));
        List<String> latin = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{2,}").matcher(lead);
        while (m.find()) latin.add(m.group());
        assertThat(latin).as("English in the Khmer lead").isEmpty();
        assertThat(km).contains("ប្រាក់បំណាច់មាតុភាព", "បេឡាជាតិសន្តិសុខសង្គម (ប.ស.ស.)");
    }

    @Test
    void html_isAWholePageInTheLettersLanguage_withEscapedText() {
        Decision odd = decision(Scheme.HEALTH_CARE, Benefit.FUNERAL_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(null, null, null, false, "<script>alert(1)</script>"), reason("HC-FUN-01", CriterionStatus.MET, "a & b", List.of(), Map.of(), null));
        String en = DecisionLetter.html(of(odd), Locale.ENGLISH, true);
        assertThat(en).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">", "size: A4", "&lt;script&gt;", "a &amp; b", "<details")
                .doesNotContain("<script>");
        String km = DecisionLetter.html(mother(), KM, false);
        assertThat(km).contains("<html lang=\"km\">", "Khmer OS").doesNotContain("<details");
    }
}
