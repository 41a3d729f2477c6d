package org.rulesascode.nssf.letters;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ComplianceIssue;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.TraceStep;

/**
 * An {@link Assessment} as a decision letter a union paralegal can read to a worker:
 * <ol>
 *   <li>a header and a summary: what she is entitled to and how much, in plain words; what she is not entitled to
 *       and what she would need; what information is missing; which schemes cover her;</li>
 *   <li>each benefit decision: the amount, every reason (met, not met, unknown) with its legal sources and the
 *       values used, the distance to passing for what is not met, and the calculation steps;</li>
 *   <li>the coverage decisions, the compliance findings (breaches found in the history and what they cost), the
 *       contribution table (runs of identical months are one row) and a footer naming the provisional values.</li>
 * </ol>
 * The letter's own words (headings, labels, amounts in words) come from a small two-language table in this class:
 * English, or Khmer (machine-made, not yet reviewed). The reasons' messages are in the language the engine was
 * asked for. {@link #render(Assessment)} picks Khmer labels when the assessment's messages are in Khmer.
 */
final class TextReport {
    private TextReport() { }

    /** Where prose is wrapped (display columns); the contribution table may be wider. */
    static final int WIDTH = 100;

    /** The language of the letter's own words. */
    enum Lang {
        EN, KM;

        static Lang of(Locale locale) {
            return locale != null && "km".equals(locale.getLanguage()) ? KM : EN;
        }
    }

    /** @return the letter with its details, ending with a newline; Khmer words when the engine's messages are in Khmer */
    static String render(Assessment a) {
        return render(a, looksKhmer(a) ? Lang.KM : Lang.EN, true);
    }

    /** @return the letter with its details, in {@code locale}'s language (Khmer for {@code km}, otherwise English) */
    static String render(Assessment a, Locale locale) {
        return render(a, Lang.of(locale), true);
    }

    /** @return a letter over {@code a} in {@code lang}, knowing which benefits two schemes decide */
    static Letter letterFor(Assessment a, Lang lang) {
        Letter l = new Letter(lang);
        Map<Benefit, Scheme> first = new EnumMap<>(Benefit.class);
        for (Decision d : benefitDecisions(a)) {
            Scheme s = first.putIfAbsent(d.benefit(), d.scheme());
            if (s != null && s != d.scheme()) l.shared.add(d.benefit());
        }
        return l;
    }

    /**
     * The letter as text: the header, the lead (what she gets, does not get, what is missing, what to do next, her
     * cover, the footnote on what is not in force), then with {@code detail} every decision with its reasons, legal
     * sources, parameters and calculation, the compliance findings, the contribution table and the provisional values.
     */
    static String render(Assessment a, Lang lang, boolean detail) {
        Letter l = letterFor(a, lang);
        Words w = new Words(lang == Lang.KM ? Locale.forLanguageTag("km") : Locale.ENGLISH);
        l.header(a);
        for (Lead.Section s : Lead.of(a, w)) {
            l.heading(s.heading());
            for (String item : s.items()) l.wrapped("  - ", "    ", item);
            if (!s.items().isEmpty() && !s.notes().isEmpty()) l.blank();
            for (String note : s.notes()) l.wrapped("", "", note);
            l.blank();
        }
        String foot = Lead.footnote(a, w);
        if (foot != null) {
            l.wrapped("", "  ", foot);
            l.blank();
        }
        if (detail) {
            l.heading(w.f("heading.detail"));
            l.blank();
            l.details(a);
        }
        l.wrapped("", "", l.t("disclaimer"));
        return l.sb.toString();
    }

    /** The detail sections as text (every decision, coverage, compliance, contributions, provisional values). */
    static String details(Assessment a, Lang lang) {
        Letter l = letterFor(a, lang);
        l.details(a);
        return l.sb.toString();
    }

    /** @return true when a message of the assessment is written in Khmer script */
    static boolean looksKhmer(Assessment a) {
        for (Decision d : a.decisions()) for (Reason r : d.reasons()) if (hasKhmer(r.message())) return true;
        for (ComplianceFinding f : a.compliance()) if (hasKhmer(f.message())) return true;
        return false;
    }

    private static boolean hasKhmer(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u1780' && c <= '\u17FF') return true;
        }
        return false;
    }

    // ---- the letter's own words ----------------------------------------------------------------------------

    /**
     * The letter's labels: key → {English, Khmer}. The Khmer is machine-made and not yet reviewed by a native
     * speaker. {@code {name}} is filled in by {@link Letter#t}.
     */
    static final Map<String, String[]> LABELS = new HashMap<>();

    private static void label(String key, String en, String km) {
        if (LABELS.put(key, new String[] {en, km}) != null) throw new IllegalStateException("label twice: " + key);
    }

    static {
        label("title", "NSSF assessment", "លិខិតវាយតម្លៃរបស់ ប.ស.ស. (NSSF assessment)");
        label("profile", "Profile:", "ឯកសារ៖");
        label("asOf", "As of:", "គិតត្រឹមថ្ងៃ៖");
        label("ruleSet", "Rule set:", "កំណែវិធាន៖");
        label("intro", "What the National Social Security Fund (NSSF) owes, judged on the facts known up to {asOf}.",
                "អ្វីដែលបេឡាជាតិសន្តិសុខសង្គម (ប.ស.ស.) ត្រូវផ្តល់ ដោយផ្អែកលើព័ត៌មានដែលដឹងរហូតដល់ថ្ងៃទី {asOf}។");
        label("machineKhmer", "", "ពាក្យខ្មែរក្នុងលិខិតនេះ ធ្វើឡើងដោយម៉ាស៊ីន ហើយមិនទាន់បានពិនិត្យដោយអ្នកនិយាយភាសាខ្មែរនៅឡើយទេ។");
        // summary
        label("summary", "Summary", "សេចក្តីសង្ខេប");
        label("entitled", "You are entitled to:", "អ្នកមានសិទ្ធិទទួលបាន៖");
        label("notEntitled", "You are not entitled to:", "អ្នកមិនមានសិទ្ធិទទួលបាន៖");
        label("needInfo", "We need more information about:", "យើងត្រូវការព័ត៌មានបន្ថែមអំពី៖");
        label("notInForce", "Not in force (the law does not provide it on the date that counts):", "មិនទាន់ចូលជាធរមាន (ច្បាប់មិនទាន់ផ្តល់ឱ្យនៅថ្ងៃដែលត្រូវគិត)៖");
        label("noEvents", "No benefit was decided: up to {asOf} the profile has no life event (childbirth, sickness, work injury, death, retirement claim, invalidity claim) on which the rules decide a benefit.",
                "គ្មានអត្ថប្រយោជន៍ណាមួយត្រូវបានសម្រេចទេ៖ រហូតដល់ថ្ងៃទី {asOf} ឯកសារមិនមានព្រឹត្តិការណ៍ (ការសម្រាលកូន ជំងឺ គ្រោះថ្នាក់ការងារ មរណភាព ការស្នើសុំសោធននិវត្តន៍ ការស្នើសុំសោធនពិការភាព) ដែលវិធានសម្រេចអត្ថប្រយោជន៍បានទេ។");
        label("coveredBy", "Covered on {asOf} by:", "ស្ថិតក្នុងការគ្របដណ្តប់នៅថ្ងៃទី {asOf} ដោយ៖");
        label("notCoveredBy", "Not covered by:", "មិនស្ថិតក្នុងការគ្របដណ្តប់ដោយ៖");
        label("coverageUnknown", "Coverage not decided (information missing):", "មិនអាចសម្រេចការគ្របដណ្តប់បាន (ខ្វះព័ត៌មាន)៖");
        label("complianceCount", "Problems found in the history: {n} (see \"{heading}\" below).",
                "បញ្ហាដែលរកឃើញក្នុងប្រវត្តិ៖ {n} (សូមមើល \"{heading}\" ខាងក្រោម)។");
        label("needed", "needed:", "ត្រូវការ៖");
        label("none", "no scheme", "គ្មានរបបណាមួយ");
        // amounts in words
        label("perDay", "{amount} riel a day", "{amount} រៀលក្នុងមួយថ្ងៃ");
        label("perMonth", "{amount} riel a month", "{amount} រៀលក្នុងមួយខែ");
        label("once", "{amount} riel once", "{amount} រៀល ផ្តល់តែម្តង");
        label("forDays", " for {days} days", " រយៈពេល {days} ថ្ងៃ");
        label("inAll", " ({total} riel in all)", " (សរុប {total} រៀល)");
        label("unknownAmount", "amount not yet known", "ចំនួនទឹកប្រាក់មិនទាន់ដឹងនៅឡើយ");
        label("estimate", " (estimate, not the legal amount)", " (ជាការប៉ាន់ស្មាន មិនមែនជាចំនួនតាមច្បាប់ទេ)");
        label("provisional", "(provisional)", "(បណ្តោះអាសន្ន)");
        // events
        label("ev.birth", "birth on {date}", "ការសម្រាលកូនថ្ងៃទី {date}");
        label("ev.sickness", "sickness from {date}", "ជំងឺចាប់ពីថ្ងៃទី {date}");
        label("ev.accident", "accident on {date}", "គ្រោះថ្នាក់ថ្ងៃទី {date}");
        label("ev.death", "death on {date}", "មរណភាពថ្ងៃទី {date}");
        label("ev.claim", "claim of {date}", "ការស្នើសុំថ្ងៃទី {date}");
        label("ev.invalidity", "invalidity claimed on {date}", "ការស្នើសុំសោធនពិការភាពថ្ងៃទី {date}");
        label("ev.other", "event of {date}", "ព្រឹត្តិការណ៍ថ្ងៃទី {date}");
        // decisions
        label("benefits", "Your benefits, one by one", "អត្ថប្រយោជន៍នីមួយៗ");
        label("decision", "Decision:", "សេចក្តីសម្រេច៖");
        label("amount", "Amount:", "ចំនួនទឹកប្រាក់៖");
        label("scheme", "Scheme:", "របប៖");
        label("why", "Why:", "មូលហេតុ៖");
        label("st.MET", "[MET]", "[បំពេញ]");
        label("st.NOT_MET", "[NOT MET]", "[មិនបំពេញ]");
        label("st.UNKNOWN", "[UNKNOWN]", "[មិនដឹង]");
        label("st.NOTE", "[NOTE]", "[សម្គាល់]");
        label("sources", "Sources:", "ប្រភពច្បាប់៖");
        label("uses", "Uses", "ប្រើ");
        label("wouldNeed", "What you would need:", "អ្វីដែលត្រូវការ៖");
        label("calculation", "How the amount was calculated:", "របៀបគណនាទឹកប្រាក់៖");
        label("historyNotes", "About the history months:", "អំពីខែនៃប្រវត្តិបង់ភាគទាន៖");
        label("coverage", "Coverage on {asOf}", "ការគ្របដណ្តប់នៅថ្ងៃទី {asOf}");
        label("noDecisions", "No decisions.", "គ្មានសេចក្តីសម្រេចទេ។");
        // outcomes
        label("out.ELIGIBLE", "entitled", "មានសិទ្ធិ");
        label("out.NOT_ELIGIBLE", "not entitled", "គ្មានសិទ្ធិ");
        label("out.NEEDS_INFORMATION", "more information needed", "ត្រូវការព័ត៌មានបន្ថែម");
        label("out.NOT_IN_FORCE", "not in force", "មិនទាន់ចូលជាធរមាន");
        label("out.COVERED", "covered", "ស្ថិតក្នុងការគ្របដណ្តប់");
        label("out.NOT_COVERED", "not covered", "មិនស្ថិតក្នុងការគ្របដណ្តប់");
        // compliance
        label("compliance", "Problems found in the history", "បញ្ហាដែលរកឃើញក្នុងប្រវត្តិ");
        label("noCompliance", "No breach of the law was found in the history.", "មិនបានរកឃើញការបំពានច្បាប់ក្នុងប្រវត្តិទេ។");
        label("months", "Months:", "ខែ៖");
        label("missing", "Contributions missing:", "ភាគទានដែលខ្វះ៖");
        label("missingUnknown", "cannot be computed", "មិនអាចគណនាបាន");
        label("costs", "What it costs the worker:", "ការខាតបង់របស់កម្មករ៖");
        label("issue.WAGE_BELOW_MINIMUM", "Declared wage below the legal minimum wage", "ប្រាក់ឈ្នួលដែលបានប្រកាស ទាបជាងប្រាក់ឈ្នួលអប្បបរមាតាមច្បាប់");
        label("issue.UNPAID_CONTRIBUTIONS", "Contributions not paid", "ភាគទានមិនបានបង់");
        label("issue.LATE_REGISTRATION", "Registered with NSSF later than the law allows", "ចុះបញ្ជីនៅ ប.ស.ស. យឺតជាងច្បាប់កំណត់");
        // contributions
        label("contributions", "Contributions", "ភាគទាន");
        label("noContributions", "No contribution is due for the months of the history.", "គ្មានភាគទានត្រូវបង់សម្រាប់ខែនៃប្រវត្តិទេ។");
        label("col.months", "Months", "ខែ");
        label("col.scheme", "Scheme", "របប");
        label("col.wage", "Contributable wage", "ប្រាក់ឈ្នួលគិតភាគទាន");
        label("col.rate", "Rate", "អត្រា");
        label("col.employer", "Employer", "និយោជក");
        label("col.worker", "Worker", "កម្មករ");
        label("col.total", "Total", "សរុប");
        label("col.paid", "Paid", "ការបង់");
        label("yes", "yes", "បង់ហើយ");
        label("no", "no", "មិនទាន់បង់");
        label("flat", "flat", "ថេរ");
        label("monthsRun", "{from} … {to} ({n} months)", "{from} … {to} ({n} ខែ)");
        label("dueOver", "Due over {n} {months}: {employer} employer + {worker} worker = {total}",
                "ត្រូវបង់ក្នុងរយៈពេល {n} ខែ៖ និយោជក {employer} + កម្មករ {worker} = {total}");
        label("month1", "month", "ខែ");
        label("monthN", "months", "ខែ");
        label("notPaid", "; not paid: {amount}", "; មិនទាន់បង់៖ {amount}");
        label("star", "* computed with a provisional value (see below)", "* គណនាដោយប្រើតម្លៃបណ្តោះអាសន្ន (សូមមើលខាងក្រោម)");
        // footer
        label("provisionalValues", "Provisional values", "តម្លៃបណ្តោះអាសន្ន");
        label("provisionalIntro", "These values are uncertain in the rules reference; the results that depend on them are marked provisional and may change when the legal text is confirmed.",
                "តម្លៃទាំងនេះមិនទាន់ប្រាកដនៅក្នុងឯកសារយោងនៃវិធាន។ លទ្ធផលដែលពឹងលើតម្លៃទាំងនេះ ត្រូវបានសម្គាល់ថាបណ្តោះអាសន្ន ហើយអាចផ្លាស់ប្តូរ នៅពេលអត្ថបទច្បាប់ត្រូវបានបញ្ជាក់។");
        label("noProvisional", "No provisional value was used: every parameter of this assessment is confirmed or from a secondary source.",
                "មិនបានប្រើតម្លៃបណ្តោះអាសន្នទេ៖ តម្លៃទាំងអស់ក្នុងការវាយតម្លៃនេះ ត្រូវបានបញ្ជាក់ ឬមកពីប្រភពបន្ទាប់បន្សំ។");
        label("source", "source:", "ប្រភព៖");
        label("disclaimer", "This letter was made by a computer program from the law as written into the NSSF rules-as-code library; it is not a decision of NSSF.",
                "លិខិតនេះធ្វើឡើងដោយកម្មវិធីកុំព្យូទ័រ ផ្អែកលើច្បាប់ដែលបានសរសេរជាកូដ។ វាមិនមែនជាសេចក្តីសម្រេចរបស់ ប.ស.ស. ទេ។");
    }

    /** Schemes in plain words: {English, Khmer}. */
    static final Map<Scheme, String[]> SCHEMES = new EnumMap<>(Scheme.class);
    /** Benefits in plain words: {English, Khmer}; a benefit missing here is shown by its name. */
    static final Map<Benefit, String[]> BENEFITS = new EnumMap<>(Benefit.class);
    /** The kind of event a benefit answers, for "birth on 2025-06-02"; others are "event of …". */
    static final Map<Benefit, String> EVENTS = new EnumMap<>(Benefit.class);

    static {
        SCHEMES.put(Scheme.OCCUPATIONAL_RISK, new String[] {"occupational risk", "របបសន្តិសុខសង្គមផ្នែកហានិភ័យការងារ"});
        SCHEMES.put(Scheme.HEALTH_CARE, new String[] {"health care", "របបសន្តិសុខសង្គមផ្នែកថែទាំសុខភាព"});
        SCHEMES.put(Scheme.PENSION, new String[] {"pension", "របបសន្តិសុខសង្គមផ្នែកប្រាក់សោធន"});
        SCHEMES.put(Scheme.VOLUNTARY_HEALTH_CARE, new String[] {"voluntary health care", "របបថែទាំសុខភាពដោយស្ម័គ្រចិត្ត"});
        SCHEMES.put(Scheme.UNEMPLOYMENT, new String[] {"unemployment", "របបអត់ការងារធ្វើ"});

        BENEFITS.put(Benefit.COVERAGE, new String[] {"Coverage", "ការគ្របដណ្តប់"});
        BENEFITS.put(Benefit.MEDICAL_CARE, new String[] {"Medical care", "ការថែទាំវេជ្ជសាស្ត្រ"});
        BENEFITS.put(Benefit.SICKNESS_ALLOWANCE, new String[] {"Sickness allowance", "ប្រាក់បំណាច់ប្រចាំថ្ងៃសម្រាប់រយៈពេលសម្រាកព្យាបាលជំងឺ"});
        BENEFITS.put(Benefit.MATERNITY_ALLOWANCE, new String[] {"NSSF maternity allowance", "ប្រាក់បំណាច់មាតុភាព ពី ប.ស.ស."});
        BENEFITS.put(Benefit.EMPLOYER_MATERNITY_PAY, new String[] {"Employer's maternity pay (Labour Law)", "ប្រាក់ឈ្នួលពេលលំហែមាតុភាពពីនិយោជក (ច្បាប់ស្តីពីការងារ)"});
        BENEFITS.put(Benefit.CHILDBIRTH_ALLOWANCE, new String[] {"State childbirth allowance", "ប្រាក់ឧបត្ថម្ភបន្ថែមរបស់រាជរដ្ឋាភិបាលសម្រាប់ស្ត្រីសម្រាលកូន"});
        BENEFITS.put(Benefit.FUNERAL_ALLOWANCE, new String[] {"Funeral allowance (health care)", "វិភាជន៍បូជាសព (ថែទាំសុខភាព)"});
        BENEFITS.put(Benefit.TEMPORARY_DISABILITY_ALLOWANCE, new String[] {"Temporary disability allowance", "ប្រាក់ឧបត្ថម្ភពិការភាពបណ្តោះអាសន្ន"});
        BENEFITS.put(Benefit.PERMANENT_DISABILITY, new String[] {"Permanent disability benefit", "អត្ថប្រយោជន៍ពិការភាពអចិន្ត្រៃយ៍"});
        BENEFITS.put(Benefit.CONSTANT_ATTENDANCE, new String[] {"Constant-attendance supplement", "ប្រាក់បន្ថែមសម្រាប់អ្នកមើលថែជាប្រចាំ"});
        BENEFITS.put(Benefit.SURVIVORS_PENSION, new String[] {"Survivors' pension", "សោធនសម្រាប់អ្នកនៅរស់"});
        BENEFITS.put(Benefit.FUNERAL_GRANT, new String[] {"Funeral grant (occupational risk)", "ប្រាក់ឧបត្ថម្ភបុណ្យសព (ហានិភ័យការងារ)"});
        BENEFITS.put(Benefit.OLD_AGE_PENSION, new String[] {"Old-age pension", "ប្រាក់សោធនជរាភាព"});
        BENEFITS.put(Benefit.OLD_AGE_ALLOWANCE, new String[] {"Old-age allowance (paid once)", "ប្រាក់ឧបត្ថម្ភវ័យចំណាស់ (ផ្តល់តែម្តង)"});
        BENEFITS.put(Benefit.INVALIDITY_PENSION, new String[] {"Invalidity pension", "ប្រាក់សោធនទុព្វលភាព"});
        BENEFITS.put(Benefit.SURVIVORS_ALLOWANCE, new String[] {"Survivors' allowance (paid once)", "ប្រាក់ឧបត្ថម្ភសម្រាប់អ្នកនៅរស់ (ផ្តល់តែម្តង)"});
        BENEFITS.put(Benefit.FUNERARY_ALLOWANCE, new String[] {"Funerary allowance (pension)", "វិភាជន៍បូជាសព (ប្រាក់សោធន)"});
        BENEFITS.put(Benefit.UNEMPLOYMENT_BENEFIT, new String[] {"Unemployment benefit", "អត្ថប្រយោជន៍ពេលអត់ការងារធ្វើ"});
        BENEFITS.put(Benefit.DEPENDANT_ENROLMENT, new String[] {"Enrolment of your dependants (voluntary health care)",
                "ការចុះឈ្មោះអ្នកនៅក្នុងបន្ទុក (ថែទាំសុខភាពដោយស្ម័គ្រចិត្ត)"});

        for (Benefit b : List.of(Benefit.MATERNITY_ALLOWANCE, Benefit.EMPLOYER_MATERNITY_PAY, Benefit.CHILDBIRTH_ALLOWANCE)) EVENTS.put(b, "ev.birth");
        EVENTS.put(Benefit.SICKNESS_ALLOWANCE, "ev.sickness");
        for (Benefit b : List.of(Benefit.TEMPORARY_DISABILITY_ALLOWANCE, Benefit.PERMANENT_DISABILITY, Benefit.CONSTANT_ATTENDANCE)) EVENTS.put(b, "ev.accident");
        for (Benefit b : List.of(Benefit.SURVIVORS_PENSION, Benefit.SURVIVORS_ALLOWANCE, Benefit.FUNERAL_GRANT, Benefit.FUNERAL_ALLOWANCE,
                Benefit.FUNERARY_ALLOWANCE)) EVENTS.put(b, "ev.death");
        for (Benefit b : List.of(Benefit.OLD_AGE_PENSION, Benefit.OLD_AGE_ALLOWANCE)) EVENTS.put(b, "ev.claim");
        EVENTS.put(Benefit.INVALIDITY_PENSION, "ev.invalidity");
    }

    /** One letter being written in one language. */
    static final class Letter {
        final Lang lang;
        final StringBuilder sb = new StringBuilder();

        Letter(Lang lang) {
            this.lang = lang;
        }

        /** @return the label {@code key} in this letter's language, {@code {name}} replaced by the value after it */
        String t(String key, Object... kv) {
            String[] both = LABELS.get(key);
            if (both == null) throw new IllegalArgumentException("no label " + key);
            String s = both[lang.ordinal()];
            for (int i = 0; i + 1 < kv.length; i += 2) s = s.replace("{" + kv[i] + "}", String.valueOf(kv[i + 1]));
            return s;
        }

        String scheme(Scheme s) {
            String[] n = SCHEMES.get(s);
            return n == null ? s.name() : n[lang.ordinal()];
        }

        String benefit(Benefit b) {
            String[] n = BENEFITS.get(b);
            return n == null ? b.name() : n[lang.ordinal()];
        }

        /** Benefits that more than one scheme decides in this letter: their titles name the scheme. */
        final Set<Benefit> shared = EnumSet.noneOf(Benefit.class);

        /** e.g. "NSSF maternity allowance, birth on 2025-06-02"; "Survivors' pension (pension), death on …" when two schemes decide it */
        String benefitTitle(Decision d) {
            String s = benefit(d.benefit());
            if (shared.contains(d.benefit())) s += " (" + scheme(d.scheme()) + ")";
            if (d.eventDate() != null) s += ", " + t(EVENTS.getOrDefault(d.benefit(), "ev.other"), "date", d.eventDate());
            return s;
        }

        void line(String s) {
            sb.append(s).append('\n');
        }

        void blank() {
            sb.append('\n');
        }

        void heading(String s) {
            line(s);
            line("=".repeat(Math.min(WIDTH, width(s))));
        }

        void subheading(String s) {
            line(s);
            line("-".repeat(Math.min(WIDTH, width(s))));
        }

        /** Appends {@code text} wrapped at {@link #WIDTH}, the first line after {@code first}, the others after {@code rest}. */
        void wrapped(String first, String rest, String text) {
            sb.append(wrap(first, rest, text));
        }

        // ---- header and summary ----------------------------------------------------------------------------

        void header(Assessment a) {
            line(t("title"));
            String[] keys = {"profile", "asOf", "ruleSet"};
            Object[] values = {a.profileId(), a.asOf(), a.ruleSetVersion()};
            int w = 0;
            for (String k : keys) w = Math.max(w, width(t(k)));
            for (int i = 0; i < keys.length; i++) line("  " + pad(t(keys[i]), w + 2, false) + values[i]);
            blank();
            wrapped("", "", t("intro", "asOf", a.asOf()));
            if (lang == Lang.KM) wrapped("", "", t("machineKhmer"));
            blank();
        }

        /** An amount in plain words, e.g. "20,417 riel a day for 90 days (1,837,530 riel in all)". */
        String amount(Entitlement e) {
            if (e.amount() == null) {
                String s = t("unknownAmount");
                return e.undeterminedReason() == null || e.undeterminedReason().isBlank() ? s : s + ": " + e.undeterminedReason();
            }
            long amount = e.amount();
            StringBuilder s = new StringBuilder();
            AmountPeriod period = e.period() == null ? AmountPeriod.ONCE : e.period();
            switch (period) {
                case PER_DAY -> s.append(t("perDay", "amount", number(amount)));
                case PER_MONTH -> s.append(t("perMonth", "amount", number(amount)));
                case ONCE -> s.append(t("once", "amount", number(amount)));
            }
            if (e.durationDays() != null && period != AmountPeriod.ONCE) s.append(t("forDays", "days", e.durationDays()));
            if (e.durationDays() != null && period == AmountPeriod.PER_DAY) {
                s.append(t("inAll", "total", number(e.value())));
            }
            if (e.estimate()) s.append(t("estimate"));
            return s.toString();
        }

        // ---- benefit decisions -----------------------------------------------------------------------------

        void benefits(Assessment a) {
            List<Decision> benefits = benefitDecisions(a);
            if (benefits.isEmpty()) return;
            heading(t("benefits"));
            blank();
            int n = 0;
            for (Decision d : benefits) {
                n++;
                subheading(n + ". " + benefitTitle(d));
                int w = 0;
                for (String k : List.of("decision", "amount", "scheme")) w = Math.max(w, width(t(k)) + 1);
                line("  " + pad(t("scheme"), w, false) + scheme(d.scheme()) + " (" + d.scheme() + ")");
                line("  " + pad(t("decision"), w, false) + outcome(d));
                if (d.entitlement() != null) wrapped("  " + pad(t("amount"), w, false), "  " + " ".repeat(w), amount(d.entitlement()));
                line("  " + t("why"));
                reasons(d.reasons());
                steps(d.steps());
                blank();
            }
        }

        String outcome(Decision d) {
            return t("out." + d.outcome().name()) + " (" + d.outcome() + ")" + (d.provisional() ? "  " + t("provisional") : "");
        }

        private void reasons(List<Reason> reasons) {
            List<Reason> notes = new ArrayList<>();
            for (Reason r : reasons) {
                if (r.facts().containsKey("months")) notes.add(r); else reason(r, null);
            }
            if (!notes.isEmpty()) {
                line("  " + t("historyNotes"));
                for (Reason r : notes) reason(r, t("st.NOTE"));
            }
        }

        /** The column where a reason's message starts: after the widest status label of this language. */
        private int statusWidth() {
            int w = 0;
            for (String k : List.of("st.MET", "st.NOT_MET", "st.UNKNOWN", "st.NOTE")) w = Math.max(w, width(t(k)));
            return w + 1;
        }

        void reason(Reason r, String label) {
            String status = label != null ? label : t("st." + r.status().name());
            int w = statusWidth();
            String pad = "  " + " ".repeat(w);
            wrapped("  " + pad(status, w, false), pad, r.message() + "  [" + r.ruleId() + "]");
            if (r.status() == CriterionStatus.NOT_MET && r.distance() != null && !r.distance().isBlank()) {
                wrapped(pad + t("wouldNeed") + " ", pad + "  ", plainDistance(r.distance()));
            }
            if (r.status() == CriterionStatus.UNKNOWN && r.distance() != null && !r.distance().isBlank()) {
                wrapped(pad + t("needed") + " ", pad + "  ", r.distance());
            }
            if (!r.citations().isEmpty()) {
                wrapped(pad + t("sources") + " ", pad + "  ",
                        r.citations().stream().map(Citation::display).distinct().collect(Collectors.joining("; ")));
            }
            for (ParameterUse p : r.parameters()) wrapped(pad + t("uses") + " ", pad + "  ", parameter(p, lang));
        }

        private void steps(List<TraceStep> steps) {
            if (steps.isEmpty()) return;
            line("  " + t("calculation"));
            int i = 0;
            for (TraceStep s : steps) {
                i++;
                String num = String.format(Locale.ROOT, "%4d. ", i);
                wrapped(num, " ".repeat(num.length() + 2), s.description() + ": " + s.formula() + " = " + s.result());
            }
        }

        // ---- coverage --------------------------------------------------------------------------------------

        void coverage(Assessment a) {
            List<Decision> coverage = a.decisions().stream().filter(d -> d.benefit() == Benefit.COVERAGE).toList();
            heading(t("coverage", "asOf", a.asOf()));
            blank();
            if (a.decisions().isEmpty()) {
                line(t("noDecisions"));
                blank();
            }
            for (Decision d : coverage) {
                String name = scheme(d.scheme());
                subheading(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " (" + d.scheme() + "): "
                        + t("out." + d.outcome().name()) + " (" + d.outcome() + ")" + (d.provisional() ? "  " + t("provisional") : ""));
                reasons(d.reasons());
                blank();
            }
        }

        // ---- compliance ------------------------------------------------------------------------------------

        void compliance(Assessment a) {
            heading(t("compliance"));
            if (a.compliance().isEmpty()) {
                wrapped("", "", t("noCompliance"));
                blank();
                return;
            }
            blank();
            int n = 0;
            int w = statusWidth();
            String pad = "  " + " ".repeat(w);
            for (ComplianceFinding f : a.compliance()) {
                n++;
                subheading(n + ". " + issue(f.issue()) + (f.provisional() ? "  " + t("provisional") : ""));
                if (f.months() != null && !f.months().isBlank()) wrapped("  " + t("months") + " ", pad, f.months());
                if (f.message() != null) wrapped("  ", "  ", f.message() + (f.ruleId() == null ? "" : "  [" + f.ruleId() + "]"));
                wrapped("  " + t("missing") + " ", pad,
                        f.missingContributions() == null ? t("missingUnknown") : khr(f.missingContributions()));
                if (!f.citations().isEmpty()) {
                    wrapped("  " + t("sources") + " ", pad, f.citations().stream().map(Citation::display).distinct().collect(Collectors.joining("; ")));
                }
                for (ParameterUse p : f.parameters()) wrapped("  " + t("uses") + " ", pad, parameter(p, lang));
                if (!f.costs().isEmpty()) {
                    line("  " + t("costs"));
                    int i = 0;
                    for (TraceStep s : f.costs()) {
                        i++;
                        String num = String.format(Locale.ROOT, "%4d. ", i);
                        wrapped(num, " ".repeat(num.length() + 2), s.description() + ": " + s.formula() + " = " + s.result());
                    }
                }
                blank();
            }
        }

        String issue(ComplianceIssue i) {
            return i == null ? "?" : LABELS.containsKey("issue." + i.name()) ? t("issue." + i.name()) : i.name();
        }

        // ---- contributions ---------------------------------------------------------------------------------

        void contributions(List<ContributionLine> lines) {
            heading(t("contributions"));
            if (lines.isEmpty()) {
                line("  " + t("noContributions"));
                blank();
                return;
            }
            List<Row> rows = compress(lines);
            String[] head = {t("col.months"), t("col.scheme"), t("col.wage"), t("col.rate"), t("col.employer"), t("col.worker"),
                    t("col.total"), t("col.paid")};
            List<String[]> cells = new ArrayList<>();
            for (Row r : rows) {
                ContributionLine l = r.line();
                cells.add(new String[] {
                        label(r), scheme(l.scheme()), l.rate() == null ? "—" : khr(l.contributableWage()),
                        l.rate() == null ? t("flat") : percent(l.rate()), khr(l.employer()), khr(l.worker()), khr(l.total()),
                        t(l.paid() ? "yes" : "no") + (l.provisional() ? " *" : "")});
            }
            int[] w = new int[head.length];
            for (int i = 0; i < head.length; i++) w[i] = width(head[i]);
            for (String[] c : cells) for (int i = 0; i < c.length; i++) w[i] = Math.max(w[i], width(c[i]));
            boolean[] right = {false, false, true, true, true, true, true, false};
            line(row(head, w, right));
            for (String[] c : cells) line(row(c, w, right));

            long employer = 0, worker = 0, unpaid = 0;
            for (ContributionLine l : lines) {
                employer += l.employer();
                worker += l.worker();
                if (!l.paid()) unpaid += l.total();
            }
            long months = lines.stream().map(ContributionLine::month).distinct().count();
            blank();
            String due = "  " + t("dueOver", "n", months, "months", t(months == 1 ? "month1" : "monthN"), "employer", khr(employer),
                    "worker", khr(worker), "total", khr(employer + worker));
            if (unpaid > 0) due += t("notPaid", "amount", khr(unpaid));
            line(due);
            if (lines.stream().anyMatch(ContributionLine::provisional)) line("  " + t("star"));
            blank();
        }

        String label(Row r) {
            return r.from().equals(r.to()) ? r.from().toString() : t("monthsRun", "from", r.from(), "to", r.to(), "n", r.months());
        }

        // ---- footer ----------------------------------------------------------------------------------------

        void footer(Assessment a) {
            Map<String, ParameterUse> uses = new LinkedHashMap<>();
            List<String> ids = new ArrayList<>();
            for (Decision d : a.decisions()) {
                for (Reason r : d.reasons()) for (ParameterUse p : r.parameters()) if (p.provisional()) uses.putIfAbsent(key(p), p);
                for (String id : d.provisionalParameters()) if (!ids.contains(id)) ids.add(id);
            }
            for (ComplianceFinding f : a.compliance()) for (ParameterUse p : f.parameters()) if (p.provisional()) uses.putIfAbsent(key(p), p);
            for (ContributionLine l : a.contributions()) {
                for (ParameterUse p : l.parameters()) if (p.provisional()) uses.putIfAbsent(key(p), p);
            }
            for (ParameterUse p : uses.values()) ids.remove(p.id());
            if (uses.isEmpty() && ids.isEmpty()) {
                wrapped("", "", t("noProvisional"));
            } else {
                heading(t("provisionalValues"));
                wrapped("", "", t("provisionalIntro"));
                for (ParameterUse p : uses.values()) {
                    wrapped("  - ", "      ", parameter(p, lang) + (p.source() == null ? "" : "; " + t("source") + " " + p.source().display()));
                }
                for (String id : ids) line("  - " + id);
            }
            blank();
        }

        void details(Assessment a) {
            benefits(a);
            coverage(a);
            compliance(a);
            contributions(a.contributions());
            footer(a);
        }
    }

    /** The benefit decisions (not coverage), in the assessment's order. */
    static List<Decision> benefitDecisions(Assessment a) {
        return a.decisions().stream().filter(d -> d.benefit() != Benefit.COVERAGE).toList();
    }

    /** "needs 1 more month" reads "1 more month" after "needed:" */
    static String plainDistance(String distance) {
        String d = distance.strip();
        return d.startsWith("needs ") ? d.substring("needs ".length()) : d;
    }

    /** e.g. "pension.contribution.rate = 0.04 (4 %), from 2022-10-01 (provisional)" */
    static String parameter(ParameterUse p) {
        return parameter(p, Lang.EN);
    }

    /** {@link #parameter(ParameterUse)} with the fixed words in {@code lang} */
    static String parameter(ParameterUse p, Lang lang) {
        boolean km = lang == Lang.KM;
        StringBuilder sb = new StringBuilder(p.id()).append(" = ").append(value(p.value(), p.unit(), lang));
        if (p.effectiveFrom() != null) sb.append(km ? ", ចាប់ពី " : ", from ").append(p.effectiveFrom());
        if (p.provisional()) sb.append(km ? " (បណ្តោះអាសន្ន)" : " (provisional)");
        return sb.toString();
    }

    /** A parameter value with its unit: "4 %" for a rate, "1,200,000 KHR", "60 years", "true", a scale as described. */
    static String value(String value, String unit) {
        return value(value, unit, Lang.EN);
    }

    /** {@link #value(String, String)} with the unit in {@code lang} */
    static String value(String value, String unit, Lang lang) {
        boolean km = lang == Lang.KM;
        if (value == null) return km ? "គ្មាន" : "none";
        if (unit == null || unit.isBlank()) return value;
        BigDecimal v;
        try {
            v = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return value; // a boolean, a date, or a scale described in words
        }
        return switch (unit) {
            case "rate" -> value + " (" + percent(v) + ")";
            case "KHR" -> v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0 ? khr(v.longValue()) : value + " KHR";
            case "year", "month", "day", "week" -> km ? value + " " + KM_UNITS.get(unit)
                    : value + " " + unit + (v.compareTo(BigDecimal.ONE) == 0 ? "" : "s");
            case "count" -> value;
            default -> value + " " + unit;
        };
    }

    private static final Map<String, String> KM_UNITS = Map.of("year", "ឆ្នាំ", "month", "ខែ", "day", "ថ្ងៃ", "week", "សប្តាហ៍");

    private static String key(ParameterUse p) {
        return p.id() + "@" + Objects.toString(p.effectiveFrom());
    }

    // ---- contributions -------------------------------------------------------------------------------------

    /** A run of consecutive months of one scheme with identical amounts. */
    record Row(YearMonth from, YearMonth to, ContributionLine line) {
        int months() {
            return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
        }

        String label() {
            return from.equals(to) ? from.toString() : from + " … " + to + " (" + months() + " months)";
        }
    }

    /** @return the lines compressed: per scheme, consecutive months with identical amounts become one row */
    static List<Row> compress(List<ContributionLine> lines) {
        Map<Object, List<ContributionLine>> byScheme = lines.stream()
                .sorted(Comparator.comparing(ContributionLine::scheme).thenComparing(ContributionLine::month))
                .collect(Collectors.groupingBy(ContributionLine::scheme, LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        for (List<ContributionLine> ls : byScheme.values()) {
            ContributionLine first = null;
            ContributionLine last = null;
            for (ContributionLine l : ls) {
                if (first != null && l.month().equals(last.month().plusMonths(1)) && sameAmounts(first, l)) {
                    last = l;
                    continue;
                }
                if (first != null) rows.add(new Row(first.month(), last.month(), first));
                first = l;
                last = l;
            }
            if (first != null) rows.add(new Row(first.month(), last.month(), first));
        }
        rows.sort(Comparator.comparing(Row::from).thenComparing(r -> r.line().scheme()));
        return rows;
    }

    private static boolean sameAmounts(ContributionLine a, ContributionLine b) {
        return a.contributableWage() == b.contributableWage() && a.employer() == b.employer() && a.worker() == b.worker()
                && a.total() == b.total() && a.paid() == b.paid() && a.provisional() == b.provisional()
                && (a.rate() == null ? b.rate() == null : b.rate() != null && a.rate().compareTo(b.rate()) == 0);
    }

    private static String row(String[] c, int[] w, boolean[] right) {
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < c.length; i++) sb.append(' ').append(pad(c[i], w[i], right[i]));
        return sb.toString().stripTrailing();
    }

    // ---- text layout ---------------------------------------------------------------------------------------

    /**
     * The columns {@code s} takes on a terminal, as {@code wcwidth} counts them: non-spacing and enclosing marks and
     * format characters take none (so a Khmer coeng sign or a vowel written above takes none), every other
     * character one. An approximation good enough to align a table and wrap prose.
     */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.FORMAT) w++;
        }
        return w;
    }

    /** {@code s} padded with spaces to {@code w} display columns, on the left when {@code right}. */
    static String pad(String s, int w, boolean right) {
        int n = Math.max(0, w - width(s));
        return right ? " ".repeat(n) + s : s + " ".repeat(n);
    }

    /**
     * {@code text} wrapped at spaces so that no line is wider than {@link #WIDTH} (a word longer than a line stays
     * whole), the first line after {@code first}, the others after {@code rest}; ends with a newline.
     */
    static String wrap(String first, String rest, String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(first);
        int lineWidth = width(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) continue;
            int ww = width(word);
            if (!empty && lineWidth + 1 + ww > WIDTH) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(rest);
                lineWidth = width(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
                lineWidth++;
            }
            line.append(word);
            lineWidth += ww;
            empty = false;
        }
        out.append(line.toString().stripTrailing()).append('\n');
        return out.toString();
    }

    // ---- formats -------------------------------------------------------------------------------------------

    /** @return e.g. "852,800 KHR" */
    static String khr(long riel) {
        return String.format(Locale.ROOT, "%,d KHR", riel);
    }

    /** @return e.g. "1,837,530" */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return e.g. "0.8 %" for 0.008 */
    static String percent(BigDecimal rate) {
        BigDecimal p = rate.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + " %";
    }
}
