package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.ProfileJson;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzzing, seeded and counted: generated profiles (as JSON) and reforms (as YAML) with one hostile mutation each (a
 * huge, tiny, negative or overlong number; an out-of-range or malformed date; a huge string; an unpaired surrogate;
 * a list repeated hundreds of times; deep nesting; a character dropped or added; the text cut short). Every case is
 * read, applied and assessed; it must be answered, or refused with an {@link InvalidInputException} whose message is
 * one line of bounded length, never another exception, and within {@link #CASE_BOUND_NANOS} on this machine. Run with
 * {@code -Dnssf.seed=N} to try other cases; a failure names the seed and the case.
 */
class HostileInputProperties {
    static final int PROFILE_CASES = 600;
    static final int REFORM_CASES = 300;
    /** Time bound of one case (read, reform, assess): the README promises an answer or a refusal within 5 s. */
    static final long CASE_BOUND_NANOS = 5_000_000_000L;
    static final int MAX_MESSAGE = 1_000;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    private static final Pattern ARRAY = Pattern.compile("\\[\\{[^\\[\\]]*\\}\\]");

    static final String[] NUMBERS = {"1e100000000", "1e-999999999", "-1", "0", "9223372036854775808", "800000000000000000", "1e400",
            "100000000000", "100000000001", "4100.1234567", "1.0e+999999999", "NaN", "-0", "2147483648", "3661", "201", "1" + "0".repeat(150),
            "0." + "0".repeat(80) + "1", "1000000", "1000001"};
    static final String[] STRINGS = {"\"+999999999-12-31\"", "\"0000-01-01\"", "\"2100-12-31\"", "\"2101-01-01\"", "\"1899-12-31\"",
            "\"\\ud800x\"", "\"\"", "\"" + "x".repeat(20_000) + "\"", "\"2025-02-30\"", "\"2008-00\"", "null", "\"USD\"", "\"SICKNESS\""};

    static String mutate(String text, RandomGenerator r) {
        int kind = r.nextInt(9);
        switch (kind) {
            case 0, 1 -> { return replaceOne(text, NUMBER, NUMBERS[r.nextInt(NUMBERS.length)], r); }
            case 2, 3 -> { return replaceOne(text, STRING, STRINGS[r.nextInt(STRINGS.length)], r); }
            case 4 -> {
                // a list element repeated hundreds of times
                Matcher m = ARRAY.matcher(text);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) spans.add(new int[] {m.start(), m.end()});
                if (spans.isEmpty()) return text;
                int[] s = spans.get(r.nextInt(spans.size()));
                String item = text.substring(s[0] + 1, s[1] - 1);
                int n = 150 + r.nextInt(300);
                return text.substring(0, s[0]) + "[" + String.join(",", java.util.Collections.nCopies(n, item)) + "]" + text.substring(s[1]);
            }
            case 5 -> {
                int at = r.nextInt(text.length());
                return text.substring(0, at) + "[".repeat(200) + text.substring(at);
            }
            case 6 -> {
                int at = r.nextInt(text.length());
                return text.substring(0, at) + text.substring(at + 1);
            }
            case 7 -> {
                int at = r.nextInt(text.length());
                String chars = "{}[]:,\"\\0e-+.\r\n\t";
                char c = chars.charAt(r.nextInt(chars.length()));
                return text.substring(0, at) + c + text.substring(at);
            }
            default -> { return text.substring(0, r.nextInt(text.length())); }
        }
    }

    private static String replaceOne(String text, Pattern p, String with, RandomGenerator r) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return text;
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + with + text.substring(s[1]);
    }

    /** Builds the engine and its sessions before any case is timed. */
    private static void warmUp() {
        for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(1L, 5)) Assessments.ENGINE.assess(c.request());
    }

    /** The outcome of one case: null when answered or refused well, else what went wrong. */
    private static String check(Runnable c) {
        long t0 = System.nanoTime();
        String problem = null;
        try {
            c.run();
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            if (m.contains("\n") || m.contains("\r")) problem = "a message of more than one line: " + m;
            else if (m.length() > MAX_MESSAGE) problem = "a message of " + m.length() + " characters";
        } catch (RuntimeException | StackOverflowError e) {
            problem = "threw " + e;
        }
        long nanos = System.nanoTime() - t0;
        if (problem == null && nanos > CASE_BOUND_NANOS) problem = "took " + nanos / 1_000_000 + " ms";
        return problem;
    }

    @Test
    void mutatedProfiles_areAnsweredOrRefusedInOneLine_inBoundedTime() {
        long seed = Property.seed();
        warmUp();
        List<ProfileCase> cases = WorkerProfiles.any().withLifeEvents().sample(seed, PROFILE_CASES);
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < cases.size(); i++) {
            RandomGenerator r = Property.random(Property.caseSeed(seed, i));
            ProfileCase c = cases.get(i);
            String json = mutate(ProfileJson.write(c.profile()), r);
            LocalDate asOf = c.asOf();
            boolean[] ok = {false};
            String problem = check(() -> {
                WorkerProfile p = NssfJson.readProfile(json);
                Assessments.ENGINE.assess(AssessmentRequest.of(p, asOf));
                ok[0] = true;
            });
            if (problem != null) {
                fail("seed=%d, case #%d: %s%nas of %s, profile: %s", seed, i, problem, asOf, json.length() > 3_000 ? json.substring(0, 3_000) + "…" : json);
            }
            if (ok[0]) answered++;
            else refused++;
        }
        // the mutations must reach both sides: some profiles still valid, most refused
        assertThat(answered).as("answered").isGreaterThan(PROFILE_CASES / 20);
        assertThat(refused).as("refused").isGreaterThan(PROFILE_CASES / 3);
    }

    static String reformYaml(RandomGenerator r) {
        String[][] params = {
                {"pension.contributable_wage.ceiling", "2000000"}, {"pension.contribution.worker_rate", "0.025"},
                {"health_care.maternity.qualifying_months", "6"}, {"health_care.daily_allowance.days_divisor", "30"},
                {"minimum_wage.garment", "250"}, {"unemployment.in_force", "true"}, {"compliance.payment_due_day", "10"},
                {"pension.benefits.transitional.window_start", "2027-06-01"}};
        StringBuilder sb = new StringBuilder("name: \"fuzz\"\ndescription: \"a generated reform\"\nparameters:\n");
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            String[] p = params[r.nextInt(params.length)];
            if (sb.indexOf("  " + p[0] + ":") >= 0) continue;
            sb.append("  ").append(p[0]).append(":\n    ").append(2020 + r.nextInt(15)).append("-01-01: ").append(p[1]).append('\n');
        }
        sb.append("  health_care.assumed_wage:\n    2027-01-01:\n      brackets:\n        - {upTo: 200000, value: 200000}\n        - {value: 1200000}\n");
        return sb.toString();
    }

    @Test
    void mutatedReforms_areAppliedOrRefusedInOneLine_inBoundedTime() {
        long seed = Property.seed();
        warmUp();
        List<ProfileCase> cases = WorkerProfiles.any().withLifeEvents().sample(seed + 1, REFORM_CASES);
        int applied = 0;
        for (int i = 0; i < REFORM_CASES; i++) {
            RandomGenerator r = Property.random(Property.caseSeed(seed + 1, i));
            String yaml = mutate(reformYaml(r), r);
            AssessmentRequest request = cases.get(i).request();
            boolean[] ok = {false};
            String problem = check(() -> {
                Reform reform = NssfReforms.parse("fuzz.yaml", yaml, null, false);
                EligibilityEngine e = Assessments.ENGINE.withReform(reform);
                e.assess(request);
                ok[0] = true;
            });
            if (problem != null) fail("seed=%d, reform case #%d: %s%nreform:%n%s", seed, i, problem, yaml.length() > 3_000 ? yaml.substring(0, 3_000) + "…" : yaml);
            if (ok[0]) applied++;
        }
        assertThat(applied).as("reforms applied").isGreaterThan(REFORM_CASES / 20);
    }
}
