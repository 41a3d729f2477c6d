package org.rulesascode.nssf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.Messages;

/**
 * Lint of the Khmer messages ({@code messages/*_km.properties}): every Khmer key has an English key, and the
 * placeholders of each Khmer message are those of the English one. English keys with no Khmer yet are reported,
 * not failed (the engine falls back to English for them).
 */
class MessagesKhmerTests {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    static final Pattern KHMER = Pattern.compile("[\\x{1780}-\\x{17FF}]");

    @Test
    void everyKhmerKeyHasAnEnglishKey() {
        Messages m = Messages.load();
        List<String> orphans = new ArrayList<>();
        for (String key : m.khmer().stringPropertyNames()) if (!m.english().containsKey(key)) orphans.add(key);
        assertThat(orphans).as("Khmer message keys with no English key").isEmpty();
    }

    @Test
    void everyKhmerMessageHasTheSamePlaceholdersAsTheEnglishOne() {
        Messages m = Messages.load();
        Map<String, String> problems = new TreeMap<>();
        Properties en = m.english();
        Properties km = m.khmer();
        for (String key : km.stringPropertyNames()) {
            String english = en.getProperty(key);
            if (english == null) continue; // reported by everyKhmerKeyHasAnEnglishKey
            TreeSet<String> want = placeholders(english);
            TreeSet<String> got = placeholders(km.getProperty(key));
            if (!want.equals(got)) problems.put(key, "English " + want + ", Khmer " + got);
        }
        assertThat(problems).as("Khmer messages whose placeholders differ from the English ones").isEmpty();
    }

    @Test
    void everyKhmerMessageIsWrittenInKhmer() {
        Messages m = Messages.load();
        List<String> latin = new ArrayList<>();
        for (String key : m.khmer().stringPropertyNames()) {
            if (!KHMER.matcher(m.khmer().getProperty(key)).find()) latin.add(key);
        }
        assertThat(latin).as("Khmer messages with no Khmer letter").isEmpty();
    }

    @Test
    void englishKeysWithoutKhmer_areReported() {
        Messages m = Messages.load();
        TreeSet<String> missing = new TreeSet<>();
        for (String key : m.english().stringPropertyNames()) if (!m.khmer().containsKey(key)) missing.add(key);
        int total = m.english().stringPropertyNames().size();
        System.out.println("[MessagesKhmerTests] " + (total - missing.size()) + " of " + total + " English message keys have Khmer"
                + (missing.isEmpty() ? "" : "; without Khmer yet (English is shown instead): " + String.join(", ", missing)));
        assertThat(total).isPositive();
    }

    @Test
    void assess_inKhmer_givesKhmerMessagesForACoverageDecision() {
        WorkerProfile sokha = WorkerProfile.builder("sokha")
                .birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(YearMonth.of(2022, 1), YearMonth.of(2025, 5), Money.khr(852_800)))
                .build();
        AssessmentRequest request = AssessmentRequest.of(sokha, LocalDate.of(2025, 6, 30));
        EligibilityEngine engine = EligibilityEngine.standard();

        Assessment km = engine.assess(request, Locale.forLanguageTag("km"));
        Assessment en = engine.assess(request, Locale.ENGLISH);

        Decision health = km.coverage(Scheme.HEALTH_CARE);
        assertThat(health.benefit()).isEqualTo(Benefit.COVERAGE);
        Reason covered = health.reasons().stream().filter(r -> r.ruleId().equals("HC-COV-01")).findFirst().orElseThrow();
        assertThat(covered.message()).startsWith("ក្នុងនាមជានិយោជិតក្រោមច្បាប់ស្តីពីការងារ").contains("របបសន្តិសុខសង្គមផ្នែកថែទាំសុខភាព", "2025-06-30")
                .doesNotContain("{");
        Properties khmer = Messages.load().khmer();
        for (Decision d : km.decisions()) {
            if (d.benefit() != Benefit.COVERAGE) continue;
            for (Reason r : d.reasons()) {
                if (!khmer.containsKey(r.ruleId())) continue; // no Khmer yet: English is shown (reported above)
                assertThat(KHMER.matcher(r.message()).find()).as("Khmer message of %s: %s", r.ruleId(), r.message()).isTrue();
                assertThat(placeholders(r.message())).as("placeholders left in %s", r.ruleId()).isEmpty();
            }
        }
        // the language changes the words, never the decision
        assertThat(km.decisions()).extracting(Decision::outcome).isEqualTo(en.decisions().stream().map(Decision::outcome).toList());
        assertThat(en.coverage(Scheme.HEALTH_CARE).reasons().get(0).message()).doesNotContainPattern(KHMER);
    }

    static TreeSet<String> placeholders(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }
}
