package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.TraceStep;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.Messages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words of the calculation steps and of the "undetermined" reasons ({@code messages/steps*.properties}): keys
 * well formed, Khmer for every template that holds words, and no English left in a Khmer letter.
 *
 * <p>The check for English words is {@link #englishWords}: it removes what is the same in every language (the
 * placeholders of a template, the currency code KHR, dotted identifiers such as parameter ids, {@code nssf-rules.md}
 * and decimal numbers, rule ids such as {@code PEN-INV-01}, rows of the reference such as {@code 3c} and its source
 * ids such as {@code S44}) and
 * reports any Latin letter that is left. The same check finds the English words of the English letter, so it can fail.
 */
class StepMessagesTests {
    static final Pattern NEUTRAL = Pattern.compile("\\{[^{}]*}|\\bKHR\\b|[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+"
            + "|\\b[A-Z]{2,}(?:-[A-Z0-9]+)+\\b|\\b\\d+[a-z]\\b|\\bS\\d+[a-z]?\\b");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    static final Set<String> STEP_PARTS = Set.of("description", "formula", "result");
    static final Locale KHMER = Locale.forLanguageTag("km");

    /** @return true for the keys of calculation texts (not rule messages): {@code step.}, {@code undetermined.}, {@code text.} */
    static boolean isTextKey(String key) {
        return key.startsWith("step.") || key.startsWith("undetermined.") || key.startsWith("text.");
    }

    /** @return the Latin words of {@code s} once the language-neutral tokens are removed */
    static List<String> englishWords(String s) {
        List<String> out = new ArrayList<>();
        var m = LATIN_WORD.matcher(NEUTRAL.matcher(s).replaceAll(" "));
        while (m.find()) out.add(m.group());
        return out;
    }

    @Test
    void englishWords_findsEnglishAndIgnoresIdsAmountsAndCodes() {
        assertThat(englishWords("852,800 KHR ÷ 30")).isEmpty();
        assertThat(englishWords("pension.benefits.invalidity.min_contribution_months (nssf-rules.md §12 ជួរទី 2a) PEN-INV-04 0.7")).isEmpty();
        assertThat(englishWords("{perDay} × {days} days")).containsExactly("days");
        assertThat(englishWords("max(5 × 10 KHR, 2,000,000 KHR)")).containsExactly("max");
        assertThat(englishWords("(S44, S59d) Sub-decree")).containsExactly("Sub", "decree");
    }

    @Test
    void everyStepHasADescriptionAndAFormula_andTextKeysAreWellFormed() {
        Properties en = Messages.load().english();
        List<String> problems = new ArrayList<>();
        Set<String> steps = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            if (!isTextKey(key)) continue;
            if (key.startsWith("step.")) {
                String part = key.substring(key.lastIndexOf('.') + 1);
                if (!STEP_PARTS.contains(part)) problems.add(key + ": a step key ends in .description, .formula or .result");
                steps.add(key.substring(0, key.lastIndexOf('.')));
            }
        }
        for (String s : steps) {
            if (!en.containsKey(s + ".description")) problems.add(s + ": no .description");
            if (!en.containsKey(s + ".formula")) problems.add(s + ": no .formula");
        }
        assertThat(steps).as("steps").hasSizeGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTextTemplateWithWordsHasKhmer() {
        Messages m = Messages.load();
        List<String> missing = new ArrayList<>();
        for (String key : new TreeSet<>(m.english().stringPropertyNames())) {
            if (!isTextKey(key) || englishWords(m.english().getProperty(key)).isEmpty()) continue;
            String km = m.khmer().getProperty(key);
            if (km == null) missing.add(key);
            else if (!englishWords(km).isEmpty()) missing.add(key + " (English words left: " + englishWords(km) + ")");
        }
        assertThat(missing).as("text templates with English words and no Khmer").isEmpty();
    }

    /** A garment worker's delivery: maternity allowance, employer's pay and the State childbirth allowance, all with steps. */
    static WorkerProfile mother() {
        return WorkerProfile.builder("sreypov").birthDate(LocalDate.of(1995, 4, 2)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .sector(Sector.GARMENT).employmentStart(LocalDate.of(2019, 1, 7)).enterpriseWorkers(850)
                .period(ContributionPeriod.paid(YearMonth.of(2019, 1), YearMonth.of(2025, 5), Money.khr(852_800)))
                .event(new Childbirth(LocalDate.of(2025, 6, 2), 2, 38, LocalDate.of(2025, 1, 10)))
                .build();
    }

    @Test
    void aKhmerMaternityLetter_hasNoEnglishInItsStepsOrUndeterminedReasons() {
        AssessmentRequest request = AssessmentRequest.of(mother(), LocalDate.of(2025, 6, 30));
        Assessment km = EligibilityEngine.standard().assess(request, KHMER);
        Assessment en = EligibilityEngine.standard().assess(request, Locale.ENGLISH);

        Map<String, List<String>> khmerEnglish = english(km);
        assertThat(khmerEnglish).as("English words in the Khmer steps").isEmpty();
        assertThat(english(en)).as("the check finds the English of the English steps").isNotEmpty();

        List<Decision> withSteps = km.decisions().stream().filter(d -> !d.steps().isEmpty()).toList();
        assertThat(withSteps).extracting(Decision::benefit)
                .contains(Benefit.MATERNITY_ALLOWANCE, Benefit.EMPLOYER_MATERNITY_PAY, Benefit.CHILDBIRTH_ALLOWANCE);
        // the language changes the words, never the numbers: same steps, same results where the result is a number
        for (int i = 0; i < km.decisions().size(); i++) {
            Decision k = km.decisions().get(i);
            Decision e = en.decisions().get(i);
            assertThat(k.steps()).hasSameSizeAs(e.steps());
            assertThat(k.entitlement()).usingRecursiveComparison().ignoringFields("undeterminedReason").isEqualTo(e.entitlement());
            for (int j = 0; j < k.steps().size(); j++) {
                if (englishWords(e.steps().get(j).result()).isEmpty()) assertThat(k.steps().get(j).result()).isEqualTo(e.steps().get(j).result());
            }
        }
        TraceStep perDay = stepOf(km, Benefit.MATERNITY_ALLOWANCE, 3);
        assertThat(perDay.description()).isEqualTo("ប្រាក់បំណាច់មាតុភាពក្នុងមួយថ្ងៃ");
        assertThat(perDay.formula()).isEqualTo("0.7 × ប្រាក់ឈ្នួលប្រចាំថ្ងៃ បង្គត់ជារៀល");
    }

    @Test
    void everyCaseInKhmer_hasNoEnglishInItsStepsOrUndeterminedReasons() {
        EligibilityEngine engine = EligibilityEngine.standard();
        Map<String, List<String>> found = new java.util.TreeMap<>();
        int steps = 0;
        for (List<CaseTests.Case> cases : CaseTests.loadAll().values()) {
            for (CaseTests.Case c : cases) {
                Assessment a = engine.assess(new AssessmentRequest(c.profile(), c.asOf(), c.schemes()), KHMER);
                for (Decision d : a.decisions()) steps += d.steps().size();
                english(a).forEach((where, words) -> found.put(c.name() + ": " + where, words));
            }
        }
        assertThat(steps).as("steps rendered").isGreaterThan(200);
        assertThat(found).as("English words in Khmer steps or undetermined reasons").isEmpty();
    }

    private static TraceStep stepOf(Assessment a, Benefit b, int index) {
        return a.decisions().stream().filter(d -> d.benefit() == b).findFirst().orElseThrow().steps().get(index);
    }

    /** @return where → the English words found in the steps and undetermined reasons of the assessment */
    private static Map<String, List<String>> english(Assessment a) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Decision d : a.decisions()) {
            int i = 0;
            for (TraceStep s : d.steps()) {
                i++;
                List<String> words = englishWords(s.description() + " | " + s.formula() + " | " + s.result());
                if (!words.isEmpty()) out.put(d.benefit() + " step " + i + " (" + s + ")", words);
            }
            if (d.entitlement() != null && d.entitlement().undeterminedReason() != null) {
                List<String> words = englishWords(d.entitlement().undeterminedReason());
                if (!words.isEmpty()) out.put(d.benefit() + " undetermined (" + d.entitlement().undeterminedReason() + ")", words);
            }
        }
        return out;
    }
}
